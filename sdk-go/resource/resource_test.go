package resource

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

const app = `{"name":"app","stage":"dev"}`

func seal(t testing.TB, plaintext string) []byte {
	t.Helper()
	block, err := aes.NewCipher(testKey)
	if err != nil {
		t.Fatal(err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		t.Fatal(err)
	}
	return gcm.Seal(nil, make([]byte, 12), []byte(plaintext), nil)
}

func writeFile(t testing.TB, dir, name string, data []byte) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func keyEnv(file string) map[string]string {
	return map[string]string{"SST_KEY": base64.StdEncoding.EncodeToString(testKey), "SST_KEY_FILE": file}
}

func mustLoad(t *testing.T, env map[string]string, cwd string) *links {
	t.Helper()
	l, err := load(env, cwd)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestAnUnknownNameSaysItIsNotLinked(t *testing.T) {
	l := mustLoad(t, map[string]string{"SST_RESOURCE_App": app}, "")
	_, err := l.lookup([]string{"Nope"})
	if !errors.Is(err, ErrNotFound) || !strings.HasSuffix(err.Error(), `"Nope" is not linked in your sst.config.ts`) {
		t.Fatalf("got %v", err)
	}
}

func TestInsideLambdaTheMessageNamesTheFunction(t *testing.T) {
	l := mustLoad(t, map[string]string{"SST_RESOURCE_App": app, "AWS_LAMBDA_FUNCTION_NAME": "my-fn"}, "")
	if _, err := l.lookup([]string{"Nope"}); !strings.HasSuffix(err.Error(), "is not linked in your sst.config.ts to my-fn") {
		t.Fatalf("got %v", err)
	}
}

func TestWithoutAnyLinksTheMessageSaysToUseSstDev(t *testing.T) {
	l := mustLoad(t, map[string]string{}, "")
	if _, err := l.lookup([]string{"App"}); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "sst dev -- <command>") {
		t.Fatalf("got %v", err)
	}
}

func TestStepsIntoNonObjectsAndMissingPropertiesAreNotFound(t *testing.T) {
	l := mustLoad(t, map[string]string{"SST_RESOURCE_App": app, "SST_RESOURCE_B": `{"name":"b","list":[1]}`}, "")
	for _, path := range [][]string{{"B", "region"}, {"B", "name", "x"}, {"B", "list", "0"}, {}} {
		if _, err := l.lookup(path); !errors.Is(err, ErrNotFound) {
			t.Errorf("%v: got %v", path, err)
		}
	}
	if v, err := l.lookup([]string{"B", "name"}); err != nil || v != "b" {
		t.Fatalf("got %v, %v", v, err)
	}
}

func TestARelativeKeyFileResolvesAgainstCwdAndAnAbsoluteOneDoesNot(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "sub/resource.enc", seal(t, `{"B":{"name":"b"}}`))
	if v, _ := mustLoad(t, keyEnv("sub/resource.enc"), dir).lookup([]string{"B", "name"}); v != "b" {
		t.Fatalf("relative: got %v", v)
	}
	if v, _ := mustLoad(t, keyEnv(filepath.Join(dir, "sub/resource.enc")), "/nonexistent").lookup([]string{"B", "name"}); v != "b" {
		t.Fatalf("absolute: got %v", v)
	}
}

func TestEnvBeatsResourcesJSONBeatsTheFileNameByName(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "resource.enc", seal(t, `{"A":{"from":"file","extra":1},"B":{"from":"file"},"C":{"from":"file"}}`))
	env := keyEnv("resource.enc")
	env["SST_RESOURCES_JSON"] = `{"A":{"from":"json"},"B":{"from":"json"}}`
	env["SST_RESOURCE_A"] = `{"from":"env"}`
	l := mustLoad(t, env, dir)
	for name, want := range map[string]string{"A": "env", "B": "json", "C": "file"} {
		if v, _ := l.lookup([]string{name, "from"}); v != want {
			t.Errorf("%s: got %v, want %s", name, v, want)
		}
	}
	if _, err := l.lookup([]string{"A", "extra"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("a clash replaces the whole object, got %v", err)
	}
}

func TestEmptyVariablesCountAsUnset(t *testing.T) {
	env := map[string]string{"SST_KEY": "", "SST_KEY_FILE": "", "SST_RESOURCES_JSON": "", "SST_RESOURCE_X": "", "SST_RESOURCE_": "{}"}
	if l := mustLoad(t, env, ""); len(l.values) != 0 {
		t.Fatalf("got %v", l.values)
	}
}

func TestErrorsKeepTheirKindAndCause(t *testing.T) {
	_, err := load(keyEnv("missing.enc"), t.TempDir())
	if !errors.Is(err, ErrIO) || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("got %v", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Kind != ErrIO {
		t.Fatalf("got %#v", err)
	}
}

func TestKeysThatAreNotCanonicalBase64AreRejected(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "resource.enc", seal(t, `{}`))
	good := base64.StdEncoding.EncodeToString(testKey)
	for _, key := range []string{"not base64!!", good[:len(good)-1], good + "\n", good[:20] + "\n" + good[20:], "AB==", "ÄÖ=="} {
		if _, err := load(map[string]string{"SST_KEY": key, "SST_KEY_FILE": "resource.enc"}, dir); !errors.Is(err, ErrBase64) {
			t.Errorf("%q: got %v", key, err)
		}
	}
}

func TestJSONThatOtherSDKsRejectIsAJSONError(t *testing.T) {
	for _, value := range []string{"NaN", `{"a":NaN}`, `{"a":1e400}`, "null", strings.Repeat("[", 100000), `{"a":1}x`, "\ufeff{}", "{\"a\":\"\xff\"}"} {
		if _, err := load(map[string]string{"SST_RESOURCE_X": value}, ""); !errors.Is(err, ErrJSON) {
			t.Errorf("%.20q: got %v", value, err)
		}
	}
}

// The package-level Get and All read the real process environment once; a child process gives them a fresh one.
func TestGetAndAllReadTheProcessEnvironment(t *testing.T) {
	if os.Getenv("SDK_GO_HELPER") == "1" {
		return
	}
	dir := t.TempDir()
	writeFile(t, dir, "resource.enc", seal(t, `{"MyBucket":{"name":"bucket-1"}}`))
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SDK_GO_HELPER=1", "SST_RESOURCE_App="+app,
		"SST_KEY="+base64.StdEncoding.EncodeToString(testKey), "SST_KEY_FILE=resource.enc")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "bucket-1 dev 2\n") {
		t.Fatalf("%v: %s", err, out)
	}
}

func TestHelperProcess(t *testing.T) {
	if os.Getenv("SDK_GO_HELPER") != "1" {
		return
	}
	name, err := Get("MyBucket", "name")
	if err != nil {
		t.Fatal(err)
	}
	stage, _ := Get("App", "stage")
	all, _ := All()
	os.Stdout.WriteString(name.(string) + " " + stage.(string) + " " + string(rune('0'+len(all))) + "\n")
}
