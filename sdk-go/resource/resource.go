// Package resource reads the resources SST links into a Go function or container.
//
//	name, err := resource.Get("MyBucket", "name")
//	stage, err := resource.Get("App", "stage")
//
// Links are read on the first call to Get or All (from SST_KEY_FILE, SST_RESOURCES_JSON and SST_RESOURCE_<Name>,
// in that order, a later source replacing an earlier one name by name) and kept for the life of the process.
// Bad input never panics: the load error is returned by every call. Values are as encoding/json decodes them
// into an any (map[string]any, []any, string, float64, bool, nil) and must be treated as read-only.
package resource

import (
	"fmt"
	"os"
	"strings"
	"sync"
)

const notActive = "It does not look like SST links are active. If this is in local development and you are not " +
	"starting this process through the multiplexer, wrap your command with `sst dev -- <command>`"

var (
	loadOnce   sync.Once
	loaded     *links
	loadFailed error
)

// Get returns the value at path: a link name, then property names inside it. Get("MyBucket") is the whole link
// (a map[string]any), Get("MyBucket", "name") one property. A missing name or property is ErrNotFound.
func Get(path ...string) (any, error) {
	l, err := current()
	if err != nil {
		return nil, err
	}
	return l.lookup(path)
}

// All returns every link by name. The map is a fresh copy; the values inside it are shared and read-only.
func All() (map[string]any, error) {
	l, err := current()
	if err != nil {
		return nil, err
	}
	all := make(map[string]any, len(l.values))
	for name, value := range l.values {
		all[name] = value
	}
	return all, nil
}

func current() (*links, error) {
	loadOnce.Do(func() { loaded, loadFailed = load(processEnv(), "") })
	return loaded, loadFailed
}

// processEnv keeps only the variables load reads. An empty cwd lets a relative SST_KEY_FILE resolve against the
// process's working directory without a Getwd call.
func processEnv() map[string]string {
	env := map[string]string{}
	for _, entry := range os.Environ() {
		name, value, _ := strings.Cut(entry, "=")
		if strings.HasPrefix(name, "SST_") || name == "AWS_LAMBDA_FUNCTION_NAME" {
			env[name] = value
		}
	}
	return env
}

func (l *links) lookup(path []string) (any, error) {
	if len(path) == 0 {
		return nil, newError(ErrNotFound, nil, "Get needs a link name, e.g. Get(\"MyBucket\", \"name\")")
	}
	value, ok := l.values[path[0]]
	if !ok {
		return nil, l.notLinked(path[0])
	}
	for i, name := range path[1:] {
		object, isObject := value.(map[string]any)
		if !isObject {
			return nil, newError(ErrNotFound, nil, fmt.Sprintf("%q is not an object, so it has no property %q", strings.Join(path[:i+1], "."), name))
		}
		if value, ok = object[name]; !ok {
			return nil, newError(ErrNotFound, nil, fmt.Sprintf("%q has no property %q", strings.Join(path[:i+1], "."), name))
		}
	}
	return value, nil
}

func (l *links) notLinked(name string) error {
	if _, active := l.values["App"]; !active {
		return newError(ErrNotFound, nil, notActive)
	}
	msg := fmt.Sprintf("%q is not linked in your sst.config.ts", name)
	if l.function != "" {
		msg += " to " + l.function
	}
	return newError(ErrNotFound, nil, msg)
}
