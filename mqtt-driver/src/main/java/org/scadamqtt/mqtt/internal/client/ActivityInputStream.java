package org.scadamqtt.mqtt.internal.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports every successful read to an {@link InboundActivity}. Sits under the buffer, so it runs once per fill. */
final class ActivityInputStream extends FilterInputStream {

    private final InboundActivity activity;

    ActivityInputStream(InputStream in, InboundActivity activity) {
        super(in);
        this.activity = activity;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            activity.touch();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            activity.touch();
        }
        return n;
    }
}
