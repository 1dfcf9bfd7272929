module github.com/sst-rebuild/sst/sdk-go

go 1.22
