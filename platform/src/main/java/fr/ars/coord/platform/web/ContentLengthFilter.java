package fr.ars.coord.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an answer that fits in the server's response buffer leave with a {@code Content-Length}, in one write.
 * Spring's message converters flush after writing a body; that flush commits the response, which then goes out
 * chunked: the headers with the body, then a separate final empty chunk, each a write of its own that the
 * caller (or the gateway) reads separately. Here a flush is held until the response completes, when the server
 * knows the length. A body larger than the buffer still streams, in chunks, as soon as the buffer is full.
 */
public class ContentLengthFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HeldFlushResponse(response));
    }

    private static final class HeldFlushResponse extends HttpServletResponseWrapper {

        private ServletOutputStream stream;
        private PrintWriter writer;

        HeldFlushResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new HeldFlushStream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new FilterWriter(super.getWriter()) {
                    @Override
                    public void flush() {
                        // held: the server flushes when the response completes
                    }
                });
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // held: the server flushes when the response completes
        }
    }

    private static final class HeldFlushStream extends ServletOutputStream {

        private final ServletOutputStream target;

        HeldFlushStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }

        @Override
        public void flush() {
            // held: the server flushes when the response completes
        }

        @Override
        public void close() throws IOException {
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
