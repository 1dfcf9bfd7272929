package resource

import "errors"

// The error kinds of the shared test vectors (spec/link-format.md §3.2). Every error this package returns is an
// *Error whose Kind is one of these, so errors.Is(err, resource.ErrDecryption) tells what went wrong.
var (
	// ErrNotFound: a name, or a property inside a link, that is not linked.
	ErrNotFound = errors.New("not found")
	// ErrEnv: SST_KEY is set without SST_KEY_FILE, or the reverse.
	ErrEnv = errors.New("inconsistent environment")
	// ErrIO: the file named by SST_KEY_FILE cannot be read.
	ErrIO = errors.New("cannot read key file")
	// ErrBase64: SST_KEY is not canonical standard base64.
	ErrBase64 = errors.New("invalid base64")
	// ErrDecryption: the key is not 32 bytes, or the file does not authenticate (wrong key, truncated, modified).
	ErrDecryption = errors.New("decryption failed")
	// ErrJSON: an SST_RESOURCE_* value, SST_RESOURCES_JSON or the decrypted file is not a JSON object.
	ErrJSON = errors.New("invalid JSON")
)

// Error is the one error type of this package: a kind (one of the Err* values), a message naming the input, and
// the underlying cause when there is one (an *fs.PathError, a *json.SyntaxError, ...).
type Error struct {
	Kind error
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return "sst: " + e.Msg + ": " + e.Err.Error()
	}
	return "sst: " + e.Msg
}

// Unwrap exposes both the kind and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Kind, e.Err}
	}
	return []error{e.Kind}
}

func newError(kind error, cause error, msg string) *Error {
	return &Error{Kind: kind, Msg: msg, Err: cause}
}
