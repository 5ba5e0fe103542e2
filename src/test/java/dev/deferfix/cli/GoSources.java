package dev.deferfix.cli;

/** Small Go files for command-line tests. */
final class GoSources {
    /** The seed case: a loop that opens files and defers Close. */
    static final String SEED = """
            package seed

            import (
            	"io"
            	"os"
            	"path/filepath"
            )

            func processFile(f *os.File) error {
            	_, err := io.Copy(io.Discard, f)
            	return err
            }

            func processFilesWrong(dir string) error {
            	entries, _ := os.ReadDir(dir)
            	for _, entry := range entries {
            		f, err := os.Open(filepath.Join(dir, entry.Name()))
            		if err != nil {
            			return err
            		}
            		defer f.Close()
            		processFile(f)
            	}
            	return nil
            }
            """;

    static final String SEED_FINDING = "defer f.Close() in a loop runs when processFilesWrong returns, "
            + "not at the end of each iteration [defer-in-loop]";

    static final String CLEAN = """
            package clean

            import "os"

            func readOne(name string) error {
            	f, err := os.Open(name)
            	if err != nil {
            		return err
            	}
            	defer f.Close()
            	return nil
            }
            """;

    static final String BROKEN = """
            package broken

            func f() {
            	for {
            		defer
            	}
            }
            """;

    private GoSources() {
    }
}
