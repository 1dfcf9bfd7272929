package resource

// Every vector in spec/vectors: the same values and error kinds as the JS, Python and Rust SDKs.

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

type vector struct {
	Name   string            `json:"name"`
	Env    map[string]string `json:"env"`
	Files  map[string]string `json:"files"`
	Expect struct {
		Resources map[string]any `json:"resources"`
		Error     string         `json:"error"`
	} `json:"expect"`
	Lookups []struct {
		Path  []string `json:"path"`
		Value any      `json:"value"`
		Error string   `json:"error"`
	} `json:"lookups"`
}

var kinds = map[string]error{
	"not_found": ErrNotFound, "env": ErrEnv, "io": ErrIO, "base64": ErrBase64, "decryption": ErrDecryption, "json": ErrJSON,
}

// vectorsDir is spec/vectors at the repo root (go test runs in this package's directory); SST_VECTORS_DIR
// points a run at another folder.
func vectorsDir() string {
	if dir := os.Getenv("SST_VECTORS_DIR"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "spec", "vectors")
}

func readVectors(t testing.TB) []vector {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(vectorsDir(), "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no vectors in %s (%v): the SDK tests must never pass without them", vectorsDir(), err)
	}
	sort.Strings(paths)
	vectors := make([]vector, 0, len(paths))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var v vector
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		vectors = append(vectors, v)
	}
	return vectors
}

// materialize writes the vector's files into a fresh directory that plays the process's working directory.
func materialize(t testing.TB, v vector) string {
	t.Helper()
	dir := t.TempDir()
	for name, b64 := range v.Files {
		data, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatalf("file %s: %v", name, err)
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// kindOf maps an error back to its vector kind, or "" for an error this package should never return.
func kindOf(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return ""
	}
	for name, kind := range kinds {
		if errors.Is(err, kind) {
			return name
		}
	}
	return ""
}

func TestVectors(t *testing.T) {
	for _, v := range readVectors(t) {
		v := v
		t.Run(v.Name, func(t *testing.T) {
			l, err := load(v.Env, materialize(t, v))
			if v.Expect.Error != "" {
				if _, known := kinds[v.Expect.Error]; !known {
					t.Fatalf("unknown error kind %q", v.Expect.Error)
				}
				if got := kindOf(err); got != v.Expect.Error {
					t.Fatalf("want error kind %q, got %q (%v)", v.Expect.Error, got, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			if !reflect.DeepEqual(l.values, v.Expect.Resources) {
				t.Fatalf("resources differ:\n got  %v\n want %v", l.values, v.Expect.Resources)
			}
			for _, lookup := range v.Lookups {
				value, err := l.lookup(lookup.Path)
				if lookup.Error != "" {
					if got := kindOf(err); got != lookup.Error {
						t.Errorf("lookup %v: want error kind %q, got %q (%v)", lookup.Path, lookup.Error, got, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("lookup %v: %v", lookup.Path, err)
				} else if !reflect.DeepEqual(value, lookup.Value) {
					t.Errorf("lookup %v: got %#v, want %#v", lookup.Path, value, lookup.Value)
				}
			}
		})
	}
}
