package dev.deferfix.run;

import dev.deferfix.write.SafeWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** One file from start to end: read its bytes once, process them, and in -w mode write the result safely. */
public final class FileTask {
    private final FileProcessor processor;
    private final SafeWriter writer;

    /** @param writer null unless the run writes files */
    public FileTask(FileProcessor processor, SafeWriter writer) {
        this.processor = processor;
        this.writer = writer;
    }

    public FileOutcome run(Target target) {
        SourceFile source;
        try {
            FileStamp stamp = FileStamp.of(target.path());
            String tooLarge = processor.sizeProblem(target.displayPath(), stamp.size());
            if (tooLarge != null) {
                return FileOutcome.failed(new SourceFile(target.displayPath(), target.path(), new byte[0], null),
                        tooLarge);
            }
            byte[] content = Files.readAllBytes(target.path());
            source = new SourceFile(target.displayPath(), target.path(), content, stamp);
        } catch (IOException e) {
            return FileOutcome.failed(new SourceFile(target.displayPath(), target.path(), new byte[0], null),
                    target.displayPath() + ": cannot read: " + IoMessages.describe(e));
        }
        FileOutcome outcome = processor.process(source);
        if (writer == null || !outcome.changes()) {
            return outcome;
        }
        if (target.writeTo() == null) {
            return outcome.withError(target.displayPath() + ": " + target.noWriteReason() + "; not rewritten");
        }
        String error = writer.write(target.displayPath(), target.writeTo(), source.stamp(), source.content(),
                outcome.rewritten().getBytes(StandardCharsets.UTF_8));
        return error == null ? outcome.asWritten() : outcome.withError(error);
    }
}
