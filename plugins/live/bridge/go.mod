module sst.dev/live/bridge

go 1.26

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/coder/websocket v1.8.15
)

require github.com/aws/smithy-go v1.28.9 // indirect
