//go:build tools

// Package tools pins the Pulumi CLI for scripts/pulumi/build.sh. It is never compiled:
// `go build github.com/pulumi/pulumi/pkg/v3/cmd/pulumi` run in this module resolves the
// CLI and all its dependencies from go.mod/go.sum here.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
