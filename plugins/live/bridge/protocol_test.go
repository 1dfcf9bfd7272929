package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestChunksReassembleOutOfOrderAndTwice(t *testing.T) {
	payload := bytes.Repeat([]byte("0123456789"), 30_000) // 300 KB: three chunks
	events := toEvents("response", "Api", "w1", "req", payload)
	if len(events) != 3 {
		t.Fatalf("want 3 chunks, got %d", len(events))
	}
	s := newStream()
	var got []byte
	done := false
	for _, i := range []int{2, 0, 0, 1} {
		p, err := parsePacket(events[i])
		if err != nil {
			t.Fatal(err)
		}
		ready, complete, err := s.add(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ready {
			got = append(got, c...)
		}
		done = complete
	}
	if !done || !bytes.Equal(got, payload) {
		t.Fatalf("reassembled %d bytes (complete %v), want %d", len(got), done, len(payload))
	}
}

func TestEmptyPayloadIsOneLastPacket(t *testing.T) {
	events := toEvents("ack", "Api", "w1", "req", nil)
	var p packet
	if err := json.Unmarshal([]byte(events[0]), &p); err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || !p.Last || p.Data != "" || p.V != protocolVersion {
		t.Fatalf("unexpected %v", events)
	}
}

func TestOtherProtocolVersionsAreRefused(t *testing.T) {
	if _, err := parsePacket(`{"v":2,"kind":"ack"}`); err == nil {
		t.Fatal("a version 2 packet was accepted")
	}
}

func TestWorkerIDIsTheLast32LettersAndDigitsOfTheLogStream(t *testing.T) {
	got := workerID("2026/11/25/[$LATEST]0123456789abcdef0123456789abcdefXYZ")
	if got != "3456789abcdef0123456789abcdefXYZ" || len(got) != 32 {
		t.Fatalf("got %q", got)
	}
}
