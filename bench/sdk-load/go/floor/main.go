// Bench floor: decrypt and parse resource.enc with crypto/aes and encoding/json directly, no SDK.
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	key, err := base64.StdEncoding.DecodeString(os.Getenv("SST_KEY"))
	if err != nil {
		return err
	}
	data, err := os.ReadFile(os.Getenv("SST_KEY_FILE"))
	if err != nil {
		return err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return err
	}
	plaintext, err := gcm.Open(nil, make([]byte, 12), data, nil)
	if err != nil {
		return err
	}
	var links map[string]any
	if err := json.Unmarshal(plaintext, &links); err != nil {
		return err
	}
	fmt.Println(links["Link042"].(map[string]any)["name"])
	return nil
}
