// Bench program: the first linked property through the resource package, as user code reads it.
package main

import (
	"fmt"
	"os"

	"github.com/sst-rebuild/sst/sdk-go/resource"
)

func main() {
	name, err := resource.Get("Link042", "name")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(name)
}
