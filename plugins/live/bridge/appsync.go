// The AppSync Events transport as the bridge uses it (spec/live-protocol.md §1): publish over HTTP, one
// websocket subscription to its own channel. Requests are signed with aws-sdk-go-v2's SigV4 signer.
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/coder/websocket"
)

const maxEventsPerPublish = 5

type events struct {
	httpHost     string
	realtimeHost string
	secure       bool
	region       string
	credentials  aws.Credentials
	signer       *v4.Signer
	client       *http.Client
}

func (e *events) scheme(secure, plain string) string {
	if e.secure {
		return secure
	}
	return plain
}

// sign returns the headers of a SigV4-signed `POST /event` with this body.
func (e *events) sign(ctx context.Context, body string) (http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.scheme("https", "http")+"://"+e.httpHost+"/event", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("accept", "application/json, text/javascript")
	req.Header.Set("content-encoding", "amz-1.0")
	req.Header.Set("content-type", "application/json; charset=UTF-8")
	sum := sha256.Sum256([]byte(body))
	if err := e.signer.SignHTTP(ctx, e.credentials, req, hex.EncodeToString(sum[:]), "appsync", e.region, time.Now().UTC()); err != nil {
		return nil, err
	}
	req.Header.Set("host", req.Host)
	return req.Header, nil
}

// authorization is the signed headers as the websocket protocol carries them (lower-case names).
func (e *events) authorization(ctx context.Context, body string) (map[string]string, error) {
	h, err := e.sign(ctx, body)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for name, values := range h {
		out[strings.ToLower(name)] = values[0]
	}
	// Go's signer signs the body's length, which net/http sends from the request rather than its headers.
	if body != "" {
		out["content-length"] = strconv.Itoa(len(body))
	}
	return out, nil
}

// publish sends events to a channel, at most five per request, retrying a failed request twice.
func (e *events) publish(ctx context.Context, channel string, all []string) error {
	for start := 0; start < len(all); start += maxEventsPerPublish {
		batch := all[start:min(start+maxEventsPerPublish, len(all))]
		body, _ := json.Marshal(map[string]any{"channel": channel, "events": batch})
		var lastErr error
		for attempt := 0; attempt < 3; attempt++ {
			if attempt > 0 {
				time.Sleep(time.Duration(100<<attempt) * time.Millisecond)
			}
			if lastErr = e.publishOnce(ctx, body); lastErr == nil {
				break
			}
		}
		if lastErr != nil {
			return lastErr
		}
	}
	return nil
}

func (e *events) publishOnce(ctx context.Context, body []byte) error {
	headers, err := e.sign(ctx, string(body))
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.scheme("https", "http")+"://"+e.httpHost+"/event", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header = headers
	res, err := e.client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	text, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("publish failed (%d): %s", res.StatusCode, text)
	}
	var result struct {
		Failed []struct{ Message string } `json:"failed"`
	}
	if json.Unmarshal(text, &result) == nil && len(result.Failed) > 0 {
		return fmt.Errorf("publish failed: %s", result.Failed[0].Message)
	}
	return nil
}

// subscribe connects, subscribes to one channel and hands every event to onEvent until ctx ends or the
// socket fails; the caller reconnects.
func (e *events) subscribe(ctx context.Context, channel string, ready chan<- struct{}, onEvent func(string)) error {
	auth, err := e.authorization(ctx, "{}")
	if err != nil {
		return err
	}
	header, _ := json.Marshal(auth)
	url := e.scheme("wss", "ws") + "://" + e.realtimeHost + "/event/realtime"
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{
		Subprotocols: []string{"aws-appsync-event-ws", "header-" + base64.RawURLEncoding.EncodeToString(header)},
	})
	if err != nil {
		return err
	}
	defer conn.CloseNow()
	conn.SetReadLimit(8 << 20)
	if err := writeJSON(ctx, conn, map[string]any{"type": "connection_init"}); err != nil {
		return err
	}
	subAuth, err := e.authorization(ctx, fmt.Sprintf(`{"channel":%q}`, channel))
	if err != nil {
		return err
	}
	kaTimeout := 5 * time.Minute
	for {
		readCtx, cancel := context.WithTimeout(ctx, kaTimeout)
		_, raw, err := conn.Read(readCtx)
		cancel()
		if err != nil {
			return err
		}
		var msg struct {
			Type                string `json:"type"`
			Event               string `json:"event"`
			ConnectionTimeoutMs int    `json:"connectionTimeoutMs"`
			Errors              []struct {
				ErrorType string `json:"errorType"`
				Message   string `json:"message"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(raw, &msg); err != nil {
			continue
		}
		switch msg.Type {
		case "connection_ack":
			if msg.ConnectionTimeoutMs > 0 {
				kaTimeout = time.Duration(msg.ConnectionTimeoutMs) * time.Millisecond
			}
			if err := writeJSON(ctx, conn, map[string]any{"type": "subscribe", "id": "bridge", "channel": channel, "authorization": subAuth}); err != nil {
				return err
			}
		case "subscribe_success":
			select {
			case ready <- struct{}{}:
			default:
			}
		case "data":
			onEvent(msg.Event)
		case "connection_error", "subscribe_error", "error":
			if len(msg.Errors) > 0 {
				return fmt.Errorf("%s: %s: %s", msg.Type, msg.Errors[0].ErrorType, msg.Errors[0].Message)
			}
			return fmt.Errorf("%s", msg.Type)
		}
	}
}

func writeJSON(ctx context.Context, conn *websocket.Conn, v any) error {
	b, _ := json.Marshal(v)
	return conn.Write(ctx, websocket.MessageText, b)
}
