package dev.deferfix.testing;

/** Small Go files for command-line and hook tests. */
public final class SampleGo {
    /** The seed case: a loop that opens files and defers Close. */
    public static final String SEED = """
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

    public static final String SEED_FINDING = "defer f.Close() in a loop runs when processFilesWrong returns, "
            + "not at the end of each iteration [defer-in-loop]";

    public static final String CLEAN = """
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

    public static final String BROKEN = """
            package broken

            func f() {
            	for {
            		defer
            	}
            }
            """;

    private SampleGo() {
    }
}
