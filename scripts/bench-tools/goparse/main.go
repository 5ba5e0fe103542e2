// Command goparse is the yardstick for defer-fix's parse speed: it parses
// every .go file under its arguments with go/parser (syntax only, comments
// kept, no type checking), one worker per GOMAXPROCS, and prints one line:
//
//	goparse: FILES files, BYTES bytes, ERRORS errors, SECONDS s (MB/s, files/s)
//
// Vendor and testdata directories are included, as defer-fix --parse-all does.
package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	started := time.Now()
	files := goFiles(os.Args[1:])

	var bytes, errors int64
	next := int64(-1)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(atomic.AddInt64(&next, 1))
				if i >= len(files) {
					return
				}
				n, err := parseOne(files[i])
				atomic.AddInt64(&bytes, int64(n))
				if err != nil {
					atomic.AddInt64(&errors, 1)
					fmt.Fprintln(os.Stderr, err)
				}
			}
		}()
	}
	wg.Wait()

	seconds := time.Since(started).Seconds()
	fmt.Printf("goparse: %d files, %d bytes, %d errors, %.2f s (%.1f MB/s, %.0f files/s)\n",
		len(files), bytes, errors, seconds, float64(bytes)/1e6/seconds, float64(len(files))/seconds)
	if errors > 0 {
		os.Exit(2)
	}
}

// parseOne reads and parses one file; each call gets its own FileSet so the
// workers share nothing.
func parseOne(path string) (int, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	_, err = parser.ParseFile(token.NewFileSet(), path, src, parser.ParseComments)
	return len(src), err
}

func goFiles(roots []string) []string {
	var files []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && strings.HasSuffix(path, ".go") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	sort.Strings(files)
	return files
}
