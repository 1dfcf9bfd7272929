// A function URL handler that answers with a value linked in sst.config.ts.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/sst-rebuild/sst/sdk-go/resource"
)

func handle(ctx context.Context, req events.LambdaFunctionURLRequest) (events.LambdaFunctionURLResponse, error) {
	greeting, err := resource.Get("Settings", "greeting")
	if err != nil {
		return events.LambdaFunctionURLResponse{}, err
	}
	return events.LambdaFunctionURLResponse{StatusCode: 200, Body: greeting.(string)}, nil
}

func main() {
	lambda.Start(handle)
}
