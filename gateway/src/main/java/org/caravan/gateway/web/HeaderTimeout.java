package org.caravan.gateway.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose first request's headers have not fully arrived (the blank line that ends them) within
 * the timeout: a client cannot hold a connection by sending its headers a byte at a time. First in the pipeline, it
 * reads the raw bytes and leaves once the headers are in; later requests on a kept-alive connection are covered by
 * the server's idle timeout, and bodies by Reactor Netty's read and request timeouts.
 */
final class HeaderTimeout extends ChannelDuplexHandler {

    static final String NAME = "caravan.headerTimeout";

    private final Duration timeout;
    private ScheduledFuture<?> deadline;
    /** How much of CR LF CR LF has been seen at the end of what was read so far. */
    private int matched;

    HeaderTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        if (context.channel().isActive()) {
            start(context);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        start(context);
        super.channelActive(context);
    }

    private void start(ChannelHandlerContext context) {
        if (deadline == null) {
            deadline = context.executor().schedule(() -> context.close(), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
        if (message instanceof ByteBuf bytes && headersEndIn(bytes)) {
            done(context);
        }
        super.channelRead(context, message);
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
        done(context);
        super.write(context, message, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        cancel();
        super.channelInactive(context);
    }

    private boolean headersEndIn(ByteBuf bytes) {
        for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
            byte b = bytes.getByte(i);
            byte expected = (matched % 2 == 0) ? (byte) '\r' : (byte) '\n';
            if (b == expected) {
                matched++;
                if (matched == 4) {
                    return true;
                }
            } else {
                matched = b == '\r' ? 1 : 0;
            }
        }
        return false;
    }

    private void done(ChannelHandlerContext context) {
        cancel();
        if (context.pipeline().get(NAME) == this) {
            context.pipeline().remove(this);
        }
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
