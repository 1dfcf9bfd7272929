module github.com/sst-rebuild/sst/bench/sdk-load/go

go 1.22

require github.com/sst-rebuild/sst/sdk-go v0.0.0

replace github.com/sst-rebuild/sst/sdk-go => ../../../sdk-go
