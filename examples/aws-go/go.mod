module example.com/aws-go

go 1.22

require (
	github.com/aws/aws-lambda-go v1.47.0
	github.com/sst-rebuild/sst/sdk-go v0.0.0
)

replace github.com/sst-rebuild/sst/sdk-go => ../../sdk-go
