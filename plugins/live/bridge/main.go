// The bridge: the stand-in `sst dev` deploys in place of each live function (runtime provided.al2023,
// handler `bootstrap`). It relays each invocation to the developer's `sst dev` over the live protocol
// (spec/live-protocol.md) and hands the answer back to Lambda.
package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Variables of the function's environment that are Lambda's or the bridge's own, not the function's: the
// worker gets its own values for them (or none).
var notForwarded = regexp.MustCompile(`^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AWS_LAMBDA_RUNTIME_API|AWS_LAMBDA_LOG_.*|AWS_XRAY_.*|_HANDLER|_X_AMZN_TRACE_ID|LAMBDA_TASK_ROOT|LAMBDA_RUNTIME_DIR|SST_LIVE_.*|PATH|LD_LIBRARY_PATH|PWD|SHLVL|HOME)$`)

type bridge struct {
	fn, worker string
	in, out    string // channels
	streaming  bool
	ackTimeout time.Duration
	silence    time.Duration
	republish  time.Duration
	events     *events
	runtime    *runtimeAPI
	inbox      chan packet
}

func main() {
	log.SetFlags(0)
	b, err := fromEnv()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	ready := make(chan struct{}, 1)
	go b.listen(ctx, ready)
	select {
	case <-ready:
	case <-time.After(15 * time.Second):
		_ = b.runtime.initError("SSTDevTransport", "The live bridge could not subscribe to its channel on the sst AppSync Events API.")
		os.Exit(1)
	}
	if err := b.sendInit(ctx); err != nil {
		_ = b.runtime.initError("SSTDevTransport", "The live bridge could not publish to the sst AppSync Events API: "+err.Error())
		os.Exit(1)
	}
	for {
		inv, err := b.runtime.next(ctx)
		if err != nil {
			log.Printf("bridge: %v", err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		b.handle(ctx, inv)
	}
}

func fromEnv() (*bridge, error) {
	need := func(name string) string { return os.Getenv(name) }
	for _, name := range []string{"AWS_LAMBDA_RUNTIME_API", "SST_LIVE_HTTP", "SST_LIVE_REALTIME", "SST_FUNCTION_ID", "SST_APP", "SST_STAGE"} {
		if need(name) == "" {
			return nil, fmt.Errorf("bridge: %s is not set", name)
		}
	}
	region := os.Getenv("AWS_REGION")
	if region == "" {
		region = os.Getenv("SST_REGION")
	}
	prefix := "/sst/" + need("SST_APP") + "/" + need("SST_STAGE")
	worker := workerID(os.Getenv("AWS_LAMBDA_LOG_STREAM_NAME"))
	client := &http.Client{}
	return &bridge{
		fn:         need("SST_FUNCTION_ID"),
		worker:     worker,
		in:         prefix + "/in",
		out:        prefix + "/" + worker + "/out",
		streaming:  os.Getenv("SST_FUNCTION_STREAMING") == "true",
		ackTimeout: durationEnv("SST_LIVE_ACK_TIMEOUT_MS", 10*time.Second),
		silence:    durationEnv("SST_LIVE_SILENCE_MS", 10*time.Second),
		republish:  durationEnv("SST_LIVE_REPUBLISH_MS", 5*time.Second),
		events: &events{
			httpHost:     need("SST_LIVE_HTTP"),
			realtimeHost: need("SST_LIVE_REALTIME"),
			secure:       os.Getenv("SST_LIVE_INSECURE") != "true",
			region:       region,
			credentials: aws.Credentials{
				AccessKeyID:     os.Getenv("AWS_ACCESS_KEY_ID"),
				SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY"),
				SessionToken:    os.Getenv("AWS_SESSION_TOKEN"),
			},
			signer: v4.NewSigner(),
			client: client,
		},
		runtime: &runtimeAPI{base: "http://" + need("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime", client: client},
		inbox:   make(chan packet, 1024),
	}, nil
}

// workerID is the last 32 characters of the log stream name, letters and digits only: one id per
// execution environment, and a valid channel segment.
func workerID(stream string) string {
	clean := regexp.MustCompile(`[^A-Za-z0-9]`).ReplaceAllString(stream, "")
	if clean == "" {
		return strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	return clean[max(0, len(clean)-32):]
}

func durationEnv(name string, fallback time.Duration) time.Duration {
	if ms, err := strconv.Atoi(os.Getenv(name)); err == nil && ms > 0 {
		return time.Duration(ms) * time.Millisecond
	}
	return fallback
}

// listen keeps the subscription to the bridge's own channel, reconnecting with backoff.
func (b *bridge) listen(ctx context.Context, ready chan<- struct{}) {
	backoff := 100 * time.Millisecond
	for {
		err := b.events.subscribe(ctx, b.out, ready, func(event string) {
			if p, err := parsePacket(event); err == nil && p.Worker == b.worker {
				b.inbox <- p
			}
		})
		log.Printf("bridge: subscription ended (%v), reconnecting", err)
		time.Sleep(backoff)
		backoff = min(backoff*2, 5*time.Second)
	}
}

func (b *bridge) sendInit(ctx context.Context) error {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if !notForwarded.MatchString(name) {
			env[name] = value
		}
	}
	timeoutMs, _ := strconv.Atoi(os.Getenv("SST_FUNCTION_TIMEOUT_MS"))
	payload, _ := json.Marshal(map[string]any{
		"env":          env,
		"runtime":      os.Getenv("SST_FUNCTION_RUNTIME"),
		"handler":      os.Getenv("SST_FUNCTION_HANDLER"),
		"timeoutMs":    timeoutMs,
		"architecture": os.Getenv("SST_FUNCTION_ARCHITECTURE"),
	})
	return b.events.publish(ctx, b.in, toEvents("init", b.fn, b.worker, "init-"+b.worker, payload))
}

func (b *bridge) sendNext(ctx context.Context, inv *invocation) error {
	payload, _ := json.Marshal(map[string]any{
		"headers":    inv.headers,
		"deadlineMs": inv.deadline.UnixMilli(),
		"body":       base64.StdEncoding.EncodeToString(inv.body),
	})
	return b.events.publish(ctx, b.in, toEvents("next", b.fn, b.worker, inv.id, payload))
}

// handle relays one invocation and answers Lambda (spec/live-protocol.md §4).
func (b *bridge) handle(ctx context.Context, inv *invocation) {
	if err := b.sendNext(ctx, inv); err != nil {
		_ = b.runtime.failWith(inv.id, "SSTDevTransport", "The live bridge could not reach the sst AppSync Events API: "+err.Error())
		return
	}
	published := time.Now()
	acked, lastAck, lastRepublish := false, time.Time{}, published
	response, failure := newStream(), newStream()
	var body []byte
	var pipe *io.PipeWriter
	var posted chan error
	deadline := inv.deadline.Add(-500 * time.Millisecond)
	ticker := time.NewTicker(250 * time.Millisecond)
	defer ticker.Stop()
	abort := func(errorType, message string) {
		if pipe != nil {
			pipe.CloseWithError(fmt.Errorf("%s: %s", errorType, message))
			<-posted
			return
		}
		_ = b.runtime.failWith(inv.id, errorType, message)
	}
	for {
		select {
		case p := <-b.inbox:
			if p.Kind == "reboot" {
				_ = b.sendInit(ctx)
				continue
			}
			if p.ID != inv.id {
				continue
			}
			acked, lastAck = true, time.Now()
			switch p.Kind {
			case "response":
				chunks, done, err := response.add(p)
				if err != nil {
					continue
				}
				if b.streaming {
					if pipe == nil {
						var reader *io.PipeReader
						reader, pipe = io.Pipe()
						posted = make(chan error, 1)
						go func() { posted <- b.runtime.respondStreaming(inv.id, reader) }()
					}
					for _, c := range chunks {
						_, _ = pipe.Write(c)
					}
					if done {
						pipe.Close()
						<-posted
						return
					}
					continue
				}
				for _, c := range chunks {
					body = append(body, c...)
				}
				if done {
					_ = b.runtime.respond(inv.id, body)
					return
				}
			case "error":
				chunks, done, err := failure.add(p)
				if err != nil {
					continue
				}
				for _, c := range chunks {
					body = append(body, c...)
				}
				if done {
					if pipe != nil {
						abort("Error", string(body))
						return
					}
					_ = b.runtime.fail(inv.id, body)
					return
				}
			}
		case now := <-ticker.C:
			switch {
			case now.After(deadline):
				abort("SSTDevTimeout", fmt.Sprintf("sst dev did not answer %q before the function's timeout.", b.fn))
				return
			case !acked && now.Sub(published) > b.ackTimeout:
				abort("SSTDevNotRunning", fmt.Sprintf("No sst dev session answered for %q in stage %q. Run `sst dev` (or `sst deploy` to deploy the real function).", b.fn, os.Getenv("SST_STAGE")))
				return
			case acked && now.Sub(lastAck) > b.silence && now.Sub(lastRepublish) > b.republish && pipe == nil:
				// The CLI went quiet (it stopped or lost its socket): offer the invocation again, so a
				// restarted sst dev picks it up.
				lastRepublish = now
				response, failure, body = newStream(), newStream(), nil
				_ = b.sendNext(ctx, inv)
			}
		}
	}
}
