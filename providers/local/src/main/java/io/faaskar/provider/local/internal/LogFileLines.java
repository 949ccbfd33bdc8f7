package io.faaskar.provider.local.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the complete lines of a log file from a byte offset, tracking the offset after the last
 * complete line; a trailing line still being written is left for the next read.
 */
final class LogFileLines implements Closeable {

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private long position;

    private LogFileLines(InputStream in, long position) {
        this.in = in;
        this.position = position;
    }

    /** Lines of {@code file} from {@code offset}; an absent file has none. */
    static LogFileLines open(Path file, long offset) throws IOException {
        try {
            SeekableByteChannel channel = Files.newByteChannel(file);
            channel.position(offset);
            return new LogFileLines(new BufferedInputStream(Channels.newInputStream(channel), 16384), offset);
        } catch (NoSuchFileException e) {
            return new LogFileLines(InputStream.nullInputStream(), offset);
        }
    }

    /** The next complete line without its line break, or null when none is complete yet. */
    String next() throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                position += line.size() + 1;
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                return text;
            }
            line.write(b);
        }
        return null;
    }

    /** The offset just after the last complete line returned. */
    long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
