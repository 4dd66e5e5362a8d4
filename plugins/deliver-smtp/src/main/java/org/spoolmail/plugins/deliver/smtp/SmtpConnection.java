package org.spoolmail.plugins.deliver.smtp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One TCP connection to a relay: sends command lines (verb in upper case, CRLF, UTF-8) and reads replies with
 * {@link ReplyReader}. Commands are buffered until {@link #flush()} or {@link #exchange}, so a later PIPELINING
 * client can send several before reading. Knows nothing of the SMTP dialogue; {@link SmtpSession} does.
 * Not thread-safe: one connection serves one session at a time.
 */
final class SmtpConnection implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final Relay relay;
    private final WireTrace trace;
    private final Watchdog watchdog;
    private final Duration commandTimeout;
    private final SecretMask secrets = new SecretMask();
    private final Deque<String> pending = new ArrayDeque<>();
    private String lastAnswered = "greeting";
    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;
    private ReplyReader replies;

    private SmtpConnection(Relay relay, Socket socket, WireTrace trace, Watchdog watchdog, Duration commandTimeout)
            throws IOException {
        this.relay = relay;
        this.trace = trace;
        this.watchdog = watchdog;
        this.commandTimeout = commandTimeout;
        attach(socket);
        pending.add("greeting");
    }

    /**
     * Connects over plain TCP.
     *
     * @param relay the relay
     * @param connectTimeout how long to wait for the TCP connection
     * @param readTimeout how long each reply may take, all its lines together (command-timeout)
     * @param trace where the dialogue is shown
     * @param watchdog closes the connection when a reply takes longer than the read timeout
     * @return the connection
     * @throws IOException if the relay cannot be reached
     */
    static SmtpConnection open(Relay relay, Duration connectTimeout, Duration readTimeout, WireTrace trace,
            Watchdog watchdog) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(relay.host(), relay.port()), timeoutMillis(connectTimeout));
            socket.setSoTimeout(timeoutMillis(readTimeout));
            socket.setTcpNoDelay(true);
            trace.event(relay.peer(), "connected");
            return new SmtpConnection(relay, socket, trace, watchdog, readTimeout);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Connects with implicit TLS (RFC 8314 section 3.3, the "port 465" style): the handshake comes before the
     * greeting. The whole handshake is bounded by command-timeout.
     *
     * @param relay the relay
     * @param connectTimeout how long to wait for the TCP connection
     * @param readTimeout how long to wait for the handshake and each reply
     * @param factory the socket factory with the trust material
     * @param verifyHostname check that the certificate names the host
     * @param trace where the dialogue is shown
     * @param watchdog closes the connection when a reply takes longer than the read timeout
     * @return the connection, already TLS
     * @throws IOException if the relay cannot be reached or the handshake fails
     */
    static SmtpConnection openTls(Relay relay, Duration connectTimeout, Duration readTimeout,
            SSLSocketFactory factory, boolean verifyHostname, WireTrace trace, Watchdog watchdog) throws IOException {
        SmtpConnection plain = open(relay, connectTimeout, readTimeout, trace, watchdog);
        try {
            plain.startTls(factory, verifyHostname);
            return plain;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** @return {@code host:port}, for messages */
    String peer() {
        return relay.peer();
    }

    /** @return the relay this connection goes to */
    Relay relay() {
        return relay;
    }

    /** @return true once {@link #upgradeToTls} succeeded */
    boolean isTls() {
        return socket instanceof SSLSocket;
    }

    /**
     * Buffers one command line.
     *
     * @param verb the command verb; sent in upper case
     * @param argument the rest of the line, or empty
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the line would hold CR, LF or NUL
     */
    void send(String verb, String argument) throws IOException {
        String command = verb.toUpperCase(Locale.ROOT);
        String line = command + (argument.isEmpty() ? "" : " " + argument);
        refuseUnaskedData(command);
        write(line);
        pending.add(command);
        trace.command(peer(), secrets.mask(line));
    }

    /**
     * Buffers one line that carries a credential, such as a base64 answer to an AUTH challenge; the trace shows
     * {@code ***} instead.
     *
     * @param line the line without its CRLF
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the line holds CR, LF or NUL
     */
    void sendSecret(String line) throws IOException {
        write(line);
        pending.add("AUTH");
        trace.secret(peer());
    }

    /**
     * Remembers a secret this connection sends (a credential or a base64 form of it as it goes on the wire), so
     * that every later trace line and every reply shows it as {@code ***}, wherever the relay echoes it.
     *
     * @param secret the text; empty is ignored
     */
    void secret(String secret) {
        secrets.add(secret);
    }

    /** Refuses replies the relay sent before the client asked (pipelined greeting injection, RFC 5321 4.3.1). */
    private void refuseUnaskedData(String command) throws IOException {
        if (pending.isEmpty() && in.available() > 0) {
            throw new SmtpProtocolException("protocol error: the relay sent data after its "
                    + ("greeting".equals(lastAnswered) ? "greeting, before the client spoke"
                    : "reply to " + lastAnswered + ", before " + command), null);
        }
    }

    private void write(String line) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0 || line.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SMTP command line must not hold CR, LF or NUL");
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    /** @throws IOException if writing fails */
    void flush() throws IOException {
        out.flush();
    }

    /**
     * Notes that a reply is now due to something other than a command line, such as the end of the data.
     *
     * @param what the step, for messages (e.g. {@code end of data})
     */
    void expectReply(String what) {
        pending.add(what);
    }

    /**
     * Reads the reply to the oldest command still waiting for one and checks that its class fits that command
     * (RFC 5321 section 4.3.2): 354 (or 4xx, 5xx) to DATA, 334 or 2xx to AUTH and its answers, 2xx (or 4xx, 5xx)
     * to everything else and to the greeting.
     *
     * The whole reply, all its lines, must come within command-timeout: a relay that drips it octet by octet is
     * cut off like one that says nothing.
     *
     * @return the reply, every secret this connection sent shown as {@code ***} in its text
     * @throws SmtpProtocolException if the reply is not SMTP or its class does not fit the command
     * @throws IOException if the relay sends no complete reply in time
     */
    ServerReply readReply() throws IOException {
        try (Watchdog.Deadline deadline = watchdog.arm(this, commandTimeout)) {
            return readReply(deadline, "command-timeout " + commandTimeout.toMillis() + "ms");
        }
    }

    /**
     * Reads a reply like {@link #readReply()}, within a deadline the caller armed (the data phase).
     *
     * @param deadline closes the connection when it passes
     * @param limit the limit in words, for the message (e.g. {@code data-timeout 600000ms})
     * @return the reply
     * @throws IOException if the relay sends no complete reply before the deadline, or breaks the protocol
     */
    ServerReply readReply(Watchdog.Deadline deadline, String limit) throws IOException {
        String command = pending.isEmpty() ? "no command" : pending.remove();
        ServerReply reply;
        try {
            reply = secrets.mask(replies.read());
        } catch (SmtpProtocolException e) {
            throw new SmtpProtocolException("protocol error in the reply to " + command + ": " + e.getMessage(), null);
        } catch (IOException e) {
            if (deadline.fired() || e instanceof SocketTimeoutException) {
                throw new SocketTimeoutException("no complete reply to " + command + " within " + limit);
            }
            throw e;
        }
        trace.reply(peer(), reply);
        lastAnswered = command;
        ReplyClass.check(command, reply);
        return reply;
    }

    /** @return the trace of this connection's dialogue */
    WireTrace trace() {
        return trace;
    }

    /**
     * Sends one command and reads its reply.
     *
     * @param verb the verb
     * @param argument the argument, or empty
     * @return the reply
     * @throws IOException if the connection fails
     */
    ServerReply exchange(String verb, String argument) throws IOException {
        send(verb, argument);
        flush();
        return readReply();
    }

    /** @return the buffered stream for the message data; never close it */
    OutputStream dataStream() {
        return out;
    }

    /** @param timeout how long to wait for each following reply @throws IOException if the socket refuses */
    void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout(timeoutMillis(timeout));
    }

    /**
     * Starts TLS on this connection after the relay's 220 reply to STARTTLS (RFC 3207). Refuses if the relay sent
     * anything more after that reply: such octets would be read as if they came over TLS (CVE-2011-0411 style
     * response injection).
     *
     * @param factory the socket factory with the trust material
     * @param verifyHostname check that the certificate names {@code host}
     * @throws IOException if octets were injected or the handshake fails
     */
    void upgradeToTls(SSLSocketFactory factory, boolean verifyHostname) throws IOException {
        if (in.available() > 0) {
            throw new IOException("smart host " + peer() + " sent data after its reply to STARTTLS");
        }
        startTls(factory, verifyHostname);
    }

    private void startTls(SSLSocketFactory factory, boolean verifyHostname) throws IOException {
        SSLSocket tls = (SSLSocket) factory.createSocket(socket, relay.host(), relay.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(socket.getSoTimeout());
        // The read timeout bounds each read only: a relay that drips its handshake an octet at a time would stall
        // the run forever, so the whole handshake gets command-timeout, as a whole reply does.
        try (Watchdog.Deadline deadline = watchdog.arm(this, commandTimeout)) {
            try {
                tls.startHandshake();
            } catch (IOException e) {
                if (deadline.fired() || e instanceof SocketTimeoutException) {
                    throw new SocketTimeoutException("no complete TLS handshake within command-timeout "
                            + commandTimeout.toMillis() + "ms");
                }
                throw e;
            }
        }
        attach(tls);
        trace.event(peer(), "TLS " + tls.getSession().getProtocol() + " " + tls.getSession().getCipherSuite());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void attach(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), BUFFER);
        out = new BufferedOutputStream(s.getOutputStream(), BUFFER);
        replies = new ReplyReader(in, secrets::mask);
    }

    private static int timeoutMillis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
