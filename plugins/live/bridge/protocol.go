// Packets of the live protocol (spec/live-protocol.md §3), as the bridge sends and receives them.
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
)

const protocolVersion = 1

// chunkBytes is the raw size of one chunk: 128 KiB is about 171 KiB in base64, under AppSync's 240 KB event.
const chunkBytes = 128 * 1024

type packet struct {
	V      int    `json:"v"`
	Kind   string `json:"kind"`
	Fn     string `json:"fn"`
	Worker string `json:"worker"`
	ID     string `json:"id"`
	Seq    int    `json:"seq"`
	Last   bool   `json:"last"`
	Data   string `json:"data"`
}

// toEvents cuts a payload into packets, each a JSON string ready to publish.
func toEvents(kind, fn, worker, id string, payload []byte) []string {
	count := (len(payload) + chunkBytes - 1) / chunkBytes
	if count == 0 {
		count = 1
	}
	events := make([]string, 0, count)
	for seq := 0; seq < count; seq++ {
		end := min((seq+1)*chunkBytes, len(payload))
		p := packet{V: protocolVersion, Kind: kind, Fn: fn, Worker: worker, ID: id, Seq: seq, Last: seq == count-1,
			Data: base64.StdEncoding.EncodeToString(payload[min(seq*chunkBytes, len(payload)):end])}
		b, _ := json.Marshal(p)
		events = append(events, string(b))
	}
	return events
}

func parsePacket(event string) (packet, error) {
	var p packet
	if err := json.Unmarshal([]byte(event), &p); err != nil {
		return p, err
	}
	if p.V != protocolVersion {
		return p, fmt.Errorf("protocol version %d, this bridge speaks %d", p.V, protocolVersion)
	}
	return p, nil
}

// stream puts the chunks of one payload back in order, as they arrive in any order and maybe twice.
type stream struct {
	chunks  map[int][]byte
	next    int // the next chunk to hand out
	lastSeq int // -1 until the last chunk arrived
}

func newStream() *stream { return &stream{chunks: map[int][]byte{}, lastSeq: -1} }

// add stores a chunk and returns the chunks now ready in order, and whether the payload is complete.
func (s *stream) add(p packet) ([][]byte, bool, error) {
	data, err := base64.StdEncoding.DecodeString(p.Data)
	if err != nil {
		return nil, false, err
	}
	if p.Seq >= s.next {
		if _, seen := s.chunks[p.Seq]; !seen {
			s.chunks[p.Seq] = data
		}
	}
	if p.Last {
		s.lastSeq = p.Seq
	}
	var ready [][]byte
	for {
		chunk, ok := s.chunks[s.next]
		if !ok {
			break
		}
		ready = append(ready, chunk)
		delete(s.chunks, s.next)
		s.next++
	}
	return ready, s.lastSeq >= 0 && s.next > s.lastSeq, nil
}
