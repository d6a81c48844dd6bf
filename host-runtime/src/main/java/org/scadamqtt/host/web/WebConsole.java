package org.scadamqtt.host.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tty.TerminalText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's web server: the JSON API under {@code /api} (see docs/http-api.md), the live event
 * stream {@code /api/events}, Prometheus metrics at {@code /metrics}, and the operator console
 * (plain HTML/JS from the class path folder {@code scadamqtt-console/}) at {@code /}.
 *
 * <p>It sees the host only through {@link HostApi}. When a write token is set, every POST needs
 * {@code Authorization: Bearer <token>}; reads stay open.
 */
public final class WebConsole {

    private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);
    /** How long a write may take before the request answers 504. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Events kept per event-stream client before the oldest are dropped. */
    public static final int DEFAULT_EVENT_QUEUE = 10_000;
    /**
     * The console's pages load scripts, styles and data from this host only, and no other site may
     * frame them (clickjacking). Inline styles stay allowed: the page sets some from script.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final HostApi api;
    private final String bindAddress;
    private final int requestedPort;
    private final WriteTokenGuard guard;
    private final SameOriginGuard origins;
    private final Duration writeTimeout;
    private final int eventQueue;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final AuditTrail audit = new AuditTrail(java.time.Clock.systemUTC());
    private Javalin app;
    private EventHub hub;
    private ConsoleMetrics metrics;

    /**
     * @param api         the host
     * @param bindAddress address to listen on ({@code 127.0.0.1} when null or empty)
     * @param port        TCP port; 0 picks a free one ({@link #port()} tells which)
     * @param writeToken  token POSTs must carry; null or empty leaves writes unprotected
     */
    public WebConsole(HostApi api, String bindAddress, int port, String writeToken) {
        this(api, bindAddress, port, writeToken, DEFAULT_WRITE_TIMEOUT, DEFAULT_EVENT_QUEUE);
    }

    /**
     * @param writeTimeout longest wait for a write's result before answering 504
     * @param eventQueue   events kept per event-stream client (drop-oldest beyond)
     */
    public WebConsole(HostApi api, String bindAddress, int port, String writeToken, Duration writeTimeout,
            int eventQueue) {
        this(api, bindAddress, port, writeToken, writeTimeout, eventQueue, List.of());
    }

    /**
     * @param hostNames names (besides localhost and IP addresses) the console is reached by; a
     *                  request whose {@code Host} is another name is refused (DNS rebinding)
     */
    public WebConsole(HostApi api, String bindAddress, int port, String writeToken, Duration writeTimeout,
            int eventQueue, Collection<String> hostNames) {
        this.origins = new SameOriginGuard(Objects.requireNonNull(hostNames, "hostNames"));
        this.api = Objects.requireNonNull(api, "api");
        this.bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress.trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the console port must be 0 to 65535, got " + port);
        }
        this.requestedPort = port;
        this.guard = new WriteTokenGuard(writeToken);
        this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("the write timeout must be positive, got " + writeTimeout);
        }
        if (eventQueue < 1) {
            throw new IllegalArgumentException("the event queue must hold at least 1 event, got " + eventQueue);
        }
        this.eventQueue = eventQueue;
    }

    /** Starts listening; returns once the port is open. */
    public synchronized void start() {
        if (app != null) {
            throw new IllegalStateException("the web console is already running on port " + port());
        }
        hub = new EventHub(mapper, eventQueue);
        metrics = new ConsoleMetrics(api, hub);
        RequestBodies bodies = new RequestBodies(mapper);
        WriteHandler writes = new WriteHandler(api, bodies, metrics, writeTimeout, audit);
        StationControlHandler stationControl = new StationControlHandler(api, bodies, audit);
        AlarmList alarms = new AlarmList(java.time.Clock.systemUTC());
        metrics.alarms(alarms);
        AlarmHandler alarmHandler = new AlarmHandler(alarms, bodies);

        Javalin javalin = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/scadamqtt-console";
                files.location = Location.CLASSPATH;
            });
        });
        javalin.before(this::refuseForeignRequests);
        javalin.before("/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
        javalin.beforeMatched(ctx -> {
            if ("POST".equals(ctx.method().name()) && !guard.allows(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"scada-mqtt\"");
                audit.refused(ctx, ctx.header("Authorization") == null ? "no write token sent" : "wrong write token");
                ctx.status(401).json(ApiJson.failed("UNAUTHORIZED", "This console protects writes with a token: "
                        + "send the header Authorization: Bearer <token> (the host's write token)."));
                ctx.skipRemainingHandlers();
            }
        });
        // the welcome page by hand: Jetty's welcome-file lookup does not work for class path resources in a jar
        javalin.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(indexPage()));
        javalin.get("/api/info", this::info);
        javalin.get("/api/tags", ctx -> ctx.json(api.tags().stream().map(ApiJson::tag).toList()));
        javalin.get("/api/tags/{name}", ctx -> {
            String name = ctx.pathParam("name");
            api.tag(name).ifPresentOrElse(t -> ctx.json(ApiJson.tag(t)),
                    () -> notFound(ctx, "UNKNOWN_TAG", "There is no tag named " + name + "."));
        });
        javalin.post("/api/tags/{name}", writes::handle);
        javalin.get("/api/stations", ctx -> {
            Map<String, StationDetails> details = api.stationDetails();
            ctx.json(api.stations().stream().map(s -> ApiJson.withDiagnostics(ApiJson.station(s,
                    details.get(s.name())), api.diagnostics(s.name()))).toList());
        });
        javalin.get("/api/stations/{name}", ctx -> {
            String name = ctx.pathParam("name");
            api.stations().stream().filter(s -> s.name().equals(name)).findFirst().ifPresentOrElse(
                    s -> ctx.json(ApiJson.withDiagnostics(ApiJson.station(s, api.stationDetails().get(name)),
                            api.diagnostics(name))),
                    () -> notFound(ctx, "UNKNOWN_STATION", "There is no station named " + name + "."));
        });
        javalin.post("/api/stations/{name}", stationControl::handle);
        javalin.post("/api/stations/{name}/actions/{action}", new StationActionHandler(api, audit, writeTimeout)::handle);
        javalin.post("/api/reload", new ReloadHandler(api)::handle);
        javalin.get("/api/lines", ctx -> ctx.json(api.lines().stream().map(ApiJson::line).toList()));
        javalin.get("/api/lines/{name}", ctx -> {
            String name = ctx.pathParam("name");
            api.lines().stream().filter(l -> l.name().equals(name)).findFirst().ifPresentOrElse(
                    l -> ctx.json(ApiJson.line(l)),
                    () -> notFound(ctx, "UNKNOWN_LINE", "There is no line named " + name + "."));
        });
        javalin.get("/api/lines/{name}/discovered", ctx -> {
            String name = ctx.pathParam("name");
            try {
                ctx.json(api.discovered(name).stream().map(ApiJson::discovered).toList());
            } catch (IllegalArgumentException e) {
                notFound(ctx, "UNKNOWN_LINE", "There is no line named " + name + ".");
            }
        });
        HistoryHandler history = new HistoryHandler(api);
        javalin.get("/api/history", history::json);
        javalin.get("/api/history.csv", history::csv);
        javalin.get("/api/events", new EventStreamEndpoint(hub::serve));
        javalin.get("/api/audit", ctx -> ctx.json(audit.json()));
        javalin.get("/api/alarms", ctx -> ctx.json(alarms.json()));
        javalin.post("/api/alarms/{id}/ack", alarmHandler::acknowledge);
        javalin.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
        javalin.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (ctx.path().startsWith("/api/") && (type == null || !type.startsWith("application/json"))) {
                ctx.json(ApiJson.failed("NOT_FOUND", "No API endpoint " + ctx.method() + " " + ctx.path()
                        + "; see docs/http-api.md."));
            }
        });
        javalin.exception(Exception.class, (e, ctx) -> {
            LOG.warn("console request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(ApiJson.failed("ERROR",
                    "The host failed answering " + ctx.method() + " " + ctx.path() + ": " + e.getMessage()));
        });

        subscriptions.add(api.subscribe(hub));
        subscriptions.add(api.subscribe(metrics));
        subscriptions.add(api.subscribe(alarms));
        // conditions that hold already when the console starts are alarms too
        api.stations().forEach(alarms::stationChanged);
        api.tags().forEach(alarms::tagChanged);
        try {
            javalin.start(bindAddress, requestedPort);
        } catch (RuntimeException e) {
            closeSubscriptions();
            throw new IllegalStateException("The web console could not listen on " + bindAddress + ":"
                    + requestedPort + ": " + e.getMessage(), e);
        }
        app = javalin;
        LOG.info("operator console on http://{}:{}/ (writes {})", bindAddress, app.port(),
                guard.enabled() ? "need the write token" : "are not protected by a token");
    }

    /** The port the console listens on (the actual one when 0 was requested); -1 when stopped. */
    public synchronized int port() {
        return app == null ? -1 : app.port();
    }

    /** The address the console listens on. */
    public String bindAddress() {
        return bindAddress;
    }

    /** Closes event streams and the port. Safe to call twice. */
    public synchronized void stop() {
        if (app == null) {
            return;
        }
        closeSubscriptions();
        hub.stop();
        app.stop();
        metrics.close();
        app = null;
    }

    private void closeSubscriptions() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing a host subscription failed: {}", e.toString());
            }
        }
        subscriptions.clear();
    }

    /**
     * Security headers on every answer, and the DNS-rebinding and cross-site checks of
     * {@link SameOriginGuard}: 403 before anything else runs.
     */
    private void refuseForeignRequests(Context ctx) {
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        String host = ctx.header("Host");
        if (!origins.hostAllowed(host)) {
            LOG.warn("refused {} {} for Host '{}' (not localhost, an IP address or a --http-host name)",
                    ctx.method(), TerminalText.printable(ctx.path()), TerminalText.printable(host));
            ctx.status(403).json(ApiJson.failed("UNKNOWN_HOST", "This console answers only to localhost, "
                    + "IP addresses and the names given with --http-host, not to '" + host + "'. If this is "
                    + "the name operators use, start the host with --http-host " + hostNameOf(host) + "."));
            ctx.skipRemainingHandlers();
            return;
        }
        if (WRITE_METHODS.contains(ctx.method().name())
                && !origins.sameOrigin(host, ctx.header("Origin"), ctx.header("Referer"))) {
            String from = ctx.header("Origin") != null ? ctx.header("Origin") : ctx.header("Referer");
            LOG.warn("refused {} {} from another site ('{}' for Host '{}')", ctx.method(), TerminalText.printable(ctx.path()),
                    TerminalText.printable(from), TerminalText.printable(host));
            ctx.status(403).json(ApiJson.failed("CROSS_ORIGIN", "Writes are accepted only from this console's "
                    + "own pages (or from programs that send no Origin header); this request came from '"
                    + from + "'."));
            ctx.skipRemainingHandlers();
        }
    }

    private static String hostNameOf(String host) {
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.indexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    private void info(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("writeProtected", guard.enabled());
        m.put("writeTimeoutSeconds", writeTimeout.toSeconds());
        m.put("tags", api.tags().size());
        m.put("stations", api.stations().size());
        m.put("lines", api.lines().size());
        ctx.json(m);
    }

    private static byte[] indexPage() throws IOException {
        try (InputStream in = WebConsole.class.getResourceAsStream("/scadamqtt-console/index.html")) {
            if (in == null) {
                throw new IOException("the console page scadamqtt-console/index.html is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    private static void notFound(Context ctx, String reason, String message) {
        ctx.status(404).json(ApiJson.failed(reason, message));
    }
}
