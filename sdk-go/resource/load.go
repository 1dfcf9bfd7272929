package resource

// Reading links out of an environment and a working directory. Sources, later ones replacing earlier ones name
// by name (no deep merge), as in spec/link-format.md §3:
//  1. the file SST_KEY_FILE (relative to cwd), AES-256-GCM with the key SST_KEY, a 12-byte zero nonce, no AAD,
//     laid out as ciphertext followed by the 16-byte tag;
//  2. SST_RESOURCES_JSON, one object {Name: {...}};
//  3. each SST_RESOURCE_<Name>, the most specific source, so it wins a clash.
// An empty variable counts as unset. The first failure, in that order, is returned.

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

const (
	envPrefix = "SST_RESOURCE_"
	keySize   = 32
	tagSize   = 16
	nonceSize = 12
)

// links is one successful load: the merged map and what the not-found messages need.
type links struct {
	values   map[string]any
	function string // AWS_LAMBDA_FUNCTION_NAME, named in not-found messages
}

func load(env map[string]string, cwd string) (*links, error) {
	values := map[string]any{}
	key, keyFile := env["SST_KEY"], env["SST_KEY_FILE"]
	switch {
	case key != "" && keyFile != "":
		path := keyFile
		if !filepath.IsAbs(path) {
			path = filepath.Join(cwd, path)
		}
		fromFile, err := readKeyFile(key, path)
		if err != nil {
			return nil, err
		}
		values = fromFile
	case key != "":
		return nil, newError(ErrEnv, nil, "SST_KEY is set but SST_KEY_FILE is not; SST sets both or neither")
	case keyFile != "":
		return nil, newError(ErrEnv, nil, "SST_KEY_FILE is set but SST_KEY is not; SST sets both or neither")
	}

	if text := env["SST_RESOURCES_JSON"]; text != "" {
		fromJSON, err := parseObject([]byte(text), "SST_RESOURCES_JSON")
		if err != nil {
			return nil, err
		}
		for name, value := range fromJSON {
			values[name] = value
		}
	}

	// Sorted so that, with several bad variables, the same one is reported every run.
	names := make([]string, 0, len(env))
	for name, value := range env {
		if strings.HasPrefix(name, envPrefix) && len(name) > len(envPrefix) && value != "" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		value, err := parseObject([]byte(env[name]), name)
		if err != nil {
			return nil, err
		}
		values[name[len(envPrefix):]] = value
	}
	return &links{values: values, function: env["AWS_LAMBDA_FUNCTION_NAME"]}, nil
}

func readKeyFile(keyB64, path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, newError(ErrIO, err, "cannot read SST_KEY_FILE")
	}
	key, err := decodeKey(keyB64)
	if err != nil {
		return nil, err
	}
	plaintext, err := decrypt(key, data)
	if err != nil {
		return nil, err
	}
	return parseObject(plaintext, fmt.Sprintf("the decrypted SST_KEY_FILE %q", path))
}

func decodeKey(keyB64 string) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(keyB64)
	if err != nil {
		return nil, newError(ErrBase64, err, "SST_KEY is not valid base64")
	}
	// The decoder skips newlines and ignores non-zero padding bits; re-encoding rejects both, as the other SDKs do.
	if base64.StdEncoding.EncodeToString(key) != keyB64 {
		return nil, newError(ErrBase64, nil, "SST_KEY is not canonical base64 (whitespace or non-zero padding bits)")
	}
	return key, nil
}

func decrypt(key, data []byte) ([]byte, error) {
	if len(key) != keySize {
		return nil, newError(ErrDecryption, nil, fmt.Sprintf("SST_KEY must decode to %d bytes, got %d", keySize, len(key)))
	}
	if len(data) < tagSize {
		return nil, newError(ErrDecryption, nil, fmt.Sprintf("SST_KEY_FILE is %d bytes, shorter than the %d-byte tag", len(data), tagSize))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, newError(ErrDecryption, err, "cannot use SST_KEY")
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, newError(ErrDecryption, err, "cannot use SST_KEY")
	}
	plaintext, err := gcm.Open(nil, make([]byte, nonceSize), data, nil)
	if err != nil {
		return nil, newError(ErrDecryption, err, "SST_KEY_FILE does not decrypt with SST_KEY (wrong key, truncated or modified file)")
	}
	return plaintext, nil
}

func parseObject(text []byte, origin string) (map[string]any, error) {
	// encoding/json would replace invalid UTF-8 with U+FFFD; the other SDKs reject it, so this one does too.
	if !utf8.Valid(text) {
		return nil, newError(ErrJSON, nil, origin+" is not valid UTF-8")
	}
	var value any
	if err := json.Unmarshal(text, &value); err != nil {
		return nil, newError(ErrJSON, err, origin+" is not valid JSON")
	}
	object, ok := value.(map[string]any)
	if !ok {
		return nil, newError(ErrJSON, nil, fmt.Sprintf("%s must be a JSON object, got %s", origin, jsonType(value)))
	}
	return object, nil
}

func jsonType(value any) string {
	switch value.(type) {
	case nil:
		return "null"
	case []any:
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", value)
}
