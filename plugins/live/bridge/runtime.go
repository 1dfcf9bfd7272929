// The Lambda Runtime API as the bridge uses it: take the next invocation, post its response or error.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type runtimeAPI struct {
	base   string // http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime
	client *http.Client
}

type invocation struct {
	id       string
	deadline time.Time
	headers  map[string]string
	body     []byte
}

// next blocks until Lambda hands over an invocation.
func (r *runtimeAPI) next(ctx context.Context) (*invocation, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, r.base+"/invocation/next", nil)
	res, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("runtime api next: %d %s", res.StatusCode, body)
	}
	inv := &invocation{id: res.Header.Get("Lambda-Runtime-Aws-Request-Id"), headers: map[string]string{}, body: body}
	for name, values := range res.Header {
		if lower := strings.ToLower(name); strings.HasPrefix(lower, "lambda-runtime-") {
			inv.headers[lower] = values[0]
		}
	}
	ms, _ := strconv.ParseInt(res.Header.Get("Lambda-Runtime-Deadline-Ms"), 10, 64)
	inv.deadline = time.UnixMilli(ms)
	if ms == 0 {
		inv.deadline = time.Now().Add(15 * time.Minute)
	}
	return inv, nil
}

func (r *runtimeAPI) post(path string, contentType string, extra map[string]string, body io.Reader) error {
	req, _ := http.NewRequest(http.MethodPost, r.base+path, body)
	req.Header.Set("content-type", contentType)
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	res, err := r.client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	if res.StatusCode >= 300 {
		return fmt.Errorf("runtime api %s: %d", path, res.StatusCode)
	}
	return nil
}

func (r *runtimeAPI) respond(id string, body []byte) error {
	return r.post("/invocation/"+id+"/response", "application/octet-stream", nil, bytes.NewReader(body))
}

// respondStreaming posts a response whose body is written as it arrives.
func (r *runtimeAPI) respondStreaming(id string, body io.Reader) error {
	return r.post("/invocation/"+id+"/response", "application/octet-stream",
		map[string]string{"Lambda-Runtime-Function-Response-Mode": "streaming"}, body)
}

// lambdaError is the Runtime API's error body.
type lambdaError struct {
	ErrorType    string   `json:"errorType"`
	ErrorMessage string   `json:"errorMessage"`
	StackTrace   []string `json:"stackTrace"`
}

func (r *runtimeAPI) fail(id string, body []byte) error {
	var e lambdaError
	_ = json.Unmarshal(body, &e)
	if e.ErrorType == "" {
		e.ErrorType = "Error"
	}
	return r.post("/invocation/"+id+"/error", "application/json",
		map[string]string{"Lambda-Runtime-Function-Error-Type": e.ErrorType}, bytes.NewReader(body))
}

func (r *runtimeAPI) failWith(id, errorType, message string) error {
	body, _ := json.Marshal(lambdaError{ErrorType: errorType, ErrorMessage: message, StackTrace: []string{}})
	return r.fail(id, body)
}

func (r *runtimeAPI) initError(errorType, message string) error {
	body, _ := json.Marshal(lambdaError{ErrorType: errorType, ErrorMessage: message, StackTrace: []string{}})
	return r.post("/init/error", "application/json", map[string]string{"Lambda-Runtime-Function-Error-Type": errorType}, bytes.NewReader(body))
}
