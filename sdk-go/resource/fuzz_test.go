package resource

// Random environments and random file bytes: load returns only *Error values of a known kind, never panics.

import (
	"encoding/base64"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkLoad runs one input through load and every lookup the result offers.
func checkLoad(t *testing.T, key, keyFile string, file []byte, resourcesJSON, name, value string) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "resource.enc"), file, 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SST_KEY": key, "SST_KEY_FILE": keyFile, "SST_RESOURCES_JSON": resourcesJSON, envPrefix + name: value}
	l, err := load(env, dir)
	if err != nil {
		kind := kindOf(err)
		if kind == "" || kind == "not_found" {
			t.Fatalf("load returned %T %v", err, err)
		}
		return kind
	}
	for linkName := range l.values {
		_, _ = l.lookup([]string{linkName, "name", "x"})
	}
	return "ok"
}

func FuzzLoad(f *testing.F) {
	good := base64.StdEncoding.EncodeToString(testKey)
	sealed := seal(f, `{"A":{"name":"a"}}`)
	f.Add(good, "resource.enc", sealed, `{"B":{}}`, "App", app)
	f.Add(good, "resource.enc", sealed[:10], "", "X", "{")
	f.Add("AB==", "resource.enc", []byte{}, "[]", "", "")
	f.Add("", "missing", []byte("x"), "null", "Y", `{"a":[1e400]}`)
	f.Add(good, ".", sealed, `{"a":1}`, "Z", "\xff")
	for _, v := range readVectors(f) {
		var file []byte
		for _, b64 := range v.Files {
			file, _ = base64.StdEncoding.DecodeString(b64)
		}
		name, value := "", ""
		for k, val := range v.Env {
			if strings.HasPrefix(k, envPrefix) {
				name, value = k[len(envPrefix):], val
			}
		}
		f.Add(v.Env["SST_KEY"], v.Env["SST_KEY_FILE"], file, v.Env["SST_RESOURCES_JSON"], name, value)
	}
	f.Fuzz(func(t *testing.T, key, keyFile string, file []byte, resourcesJSON, name, value string) {
		checkLoad(t, key, keyFile, file, resourcesJSON, name, value)
	})
}

var fragments = []string{"{", "}", "[", "]", `"`, ":", ",", `\`, "u", "null", "true", "1e999", "-", "0", "NaN", "\x00", "é", "\xff", " "}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for i, n := 0, r.Intn(12); i < n; i++ {
		if r.Intn(2) == 0 {
			b.WriteString(fragments[r.Intn(len(fragments))])
		} else {
			b.WriteByte(byte(r.Intn(256)))
		}
	}
	return b.String()
}

func TestRandomInputOnlyEverReturnsErrors(t *testing.T) {
	r := rand.New(rand.NewSource(20240601))
	good := base64.StdEncoding.EncodeToString(testKey)
	seen := map[string]int{}
	for i := 0; i < 400; i++ {
		file := make([]byte, r.Intn(64))
		r.Read(file)
		pick := func(options ...string) string { return options[r.Intn(len(options))] }
		randomKey := make([]byte, r.Intn(40))
		r.Read(randomKey)
		key := pick(good, "", randomText(r), base64.StdEncoding.EncodeToString(randomKey))
		keyFile := pick("resource.enc", "", "missing.enc", ".", randomText(r))
		resourcesJSON := pick("", randomText(r), `{"A":{"x":1}}`)
		seen[checkLoad(t, key, keyFile, file, resourcesJSON, randomText(r), randomText(r))]++
	}
	for _, kind := range []string{"env", "io", "base64", "decryption", "json"} {
		if seen[kind] == 0 {
			t.Errorf("the generator never reached kind %q: %v", kind, seen)
		}
	}
}
