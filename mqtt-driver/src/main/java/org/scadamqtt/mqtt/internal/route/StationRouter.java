package org.scadamqtt.mqtt.internal.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which station of a line receives a message, exactly as D2000 KOM does:
 * <ol>
 *   <li>a station with address {@code #} takes every message and nothing else is searched;</li>
 *   <li>else the station whose address equals the topic;</li>
 *   <li>else the stations whose address, read as a regular expression, matches the whole topic,
 *       tried in descending order of address ({@code status/battery} before {@code status/batt.*});</li>
 *   <li>else the station with address {@code .*}; else no station.</li>
 * </ol>
 * Two stations with the same address: the one whose name sorts first wins (configuration
 * validation should warn about it). An address that is not a valid regular expression only matches
 * its exact topic.
 *
 * <p>Decisions (including "no station") are cached per topic in a bounded cache, so a repeated topic
 * costs one hash lookup whatever the number of stations. A first-seen topic tries only the
 * expressions whose literal prefix starts the topic. Every expression evaluation has a step budget;
 * an evaluation that exceeds it (catastrophic backtracking) counts as "no match" for that station,
 * is counted in {@link #abortedEvaluations()} and logged at most every 10 seconds. All evaluations
 * for one topic share a total budget that does not grow with the topic's length
 * ({@link #TOPIC_STEP_BUDGET}), and a topic longer than {@link #MAX_REGEX_TOPIC_LENGTH} is never
 * matched against an expression: when an expression would have to decide, such a topic goes to no
 * station (the line counts it unrouted) and is counted in {@link #undecidedTopics()}. So the work
 * a hostile topic causes on the thread that reads the socket is bounded whatever its length.
 *
 * <p>Immutable configuration, thread-safe: {@link #route(String)} may be called from any thread.
 */
public final class StationRouter {

    private static final Logger LOG = LoggerFactory.getLogger(StationRouter.class);

    /** Address of the station that takes every message. */
    public static final String ALL = "#";
    /** Address of the station that takes messages no other station takes. */
    public static final String REST = ".*";
    /** Default number of cached topic decisions. */
    public static final int DEFAULT_CACHE_SIZE = 50_000;
    /** Topics longer than this are not cached (bounds cache memory against hostile topics). */
    public static final int MAX_CACHED_TOPIC_LENGTH = 512;
    /** Fixed part of the per-evaluation step budget (characters read by the regex engine). */
    public static final long BASE_STEP_BUDGET = 100_000;
    /** Per-character part of the per-evaluation step budget. */
    public static final long STEPS_PER_TOPIC_CHAR = 100;
    /**
     * Total steps all evaluations for one topic may take together, whatever the topic's length;
     * when it is spent before an expression matched, the topic goes to no station.
     */
    public static final long TOPIC_STEP_BUDGET = 400_000;
    /**
     * Topics longer than this are not matched against regular expressions (only the {@code #}
     * station and exact addresses take them; the {@code .*} station too when no expression's
     * literal prefix starts the topic): no station otherwise.
     */
    public static final int MAX_REGEX_TOPIC_LENGTH = 1024;

    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final Optional<String> allStation;
    private final Optional<String> restStation;
    private final Map<String, Optional<String>> exact;
    /** Regex stations in priority order (descending address). */
    private final Pattern[] patterns;
    private final Optional<String>[] patternStations;
    private final String[] patternAddresses;
    private final RegexIndex index;
    private final DecisionCache<String, Optional<String>> cache;
    private final int stationCount;

    private final LongAdder regexEvaluations = new LongAdder();
    private final LongAdder aborted = new LongAdder();
    private final LongAdder undecided = new LongAdder();
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());

    @SuppressWarnings("unchecked")
    private StationRouter(List<RouteEntry> stations, int cacheSize) {
        List<RouteEntry> sorted = new ArrayList<>(stations);
        // name order decides between equal addresses; stable sort keeps it within each address
        sorted.sort(Comparator.comparing(RouteEntry::station));
        Map<String, Optional<String>> names = new HashMap<>();
        Optional<String> all = Optional.empty();
        Optional<String> rest = Optional.empty();
        Map<String, Optional<String>> exactMap = new HashMap<>(sorted.size() * 2);
        List<RouteEntry> regexes = new ArrayList<>();
        for (RouteEntry entry : sorted) {
            Optional<String> name = names.computeIfAbsent(entry.station(), Optional::of);
            String address = entry.address();
            if (address.equals(ALL)) {
                all = all.isPresent() ? all : name;
            } else if (address.equals(REST)) {
                rest = rest.isPresent() ? rest : name;
            } else {
                exactMap.putIfAbsent(address, name);
                if (!RegexIndex.isPlainLiteral(address)) {
                    regexes.add(entry); // a plain literal as a regex matches only itself: step 2 covers it
                }
            }
        }
        regexes.sort(Comparator.comparing(RouteEntry::address, Comparator.reverseOrder()));
        List<Pattern> compiled = new ArrayList<>();
        List<Optional<String>> owners = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String previous = null;
        for (RouteEntry entry : regexes) {
            if (entry.address().equals(previous)) {
                continue; // same address: the first by name already has it
            }
            previous = entry.address();
            try {
                compiled.add(Pattern.compile(entry.address()));
            } catch (PatternSyntaxException e) {
                LOG.info("Station '{}': address '{}' is not a valid regular expression ({}); it receives only "
                        + "messages whose topic is exactly '{}'.", entry.station(), entry.address(),
                        e.getDescription(), entry.address());
                continue;
            }
            owners.add(names.get(entry.station()));
            addresses.add(entry.address());
            prefixes.add(RegexIndex.literalPrefix(entry.address()));
        }
        this.allStation = all;
        this.restStation = rest;
        this.exact = exactMap;
        this.patterns = compiled.toArray(new Pattern[0]);
        this.patternStations = owners.toArray(new Optional[0]);
        this.patternAddresses = addresses.toArray(new String[0]);
        this.index = new RegexIndex(prefixes);
        this.cache = new DecisionCache<>(cacheSize);
        this.stationCount = stations.size();
    }

    /**
     * Builds a router for the stations of one line.
     *
     * @param stations station names and addresses (order does not matter)
     * @return the router
     */
    public static StationRouter of(List<RouteEntry> stations) {
        return of(stations, DEFAULT_CACHE_SIZE);
    }

    /**
     * Builds a router with a given cache size.
     *
     * @param stations  station names and addresses
     * @param cacheSize most topic decisions kept (at least 2)
     * @return the router
     */
    public static StationRouter of(List<RouteEntry> stations, int cacheSize) {
        Objects.requireNonNull(stations, "stations");
        return new StationRouter(stations, cacheSize);
    }

    /**
     * Finds the station for a topic. Runs on the caller's thread (the MQTT client callback): a
     * cached topic costs one lookup; a new one an exact lookup plus the candidate expressions,
     * each bounded by its step budget.
     *
     * @param topic the topic of a received message
     * @return the station name, or empty when no station takes the topic
     */
    public Optional<String> route(String topic) {
        if (allStation.isPresent()) {
            return allStation;
        }
        Objects.requireNonNull(topic, "topic");
        boolean cacheable = topic.length() <= MAX_CACHED_TOPIC_LENGTH;
        if (cacheable) {
            Optional<String> cached = cache.get(topic);
            if (cached != null) {
                return cached;
            }
        }
        Optional<String> decision = decide(topic);
        if (cacheable) {
            cache.put(topic, decision);
        }
        return decision;
    }

    private Optional<String> decide(String topic) {
        Optional<String> station = exact.get(topic);
        if (station != null) {
            return station;
        }
        if (patterns.length > 0) {
            int[] candidates = index.candidates(topic);
            if (candidates.length > 0 && topic.length() > MAX_REGEX_TOPIC_LENGTH) {
                undecided(topic, "is longer than " + MAX_REGEX_TOPIC_LENGTH + " characters");
                return Optional.empty();
            }
            long left = TOPIC_STEP_BUDGET;
            long each = BASE_STEP_BUDGET + STEPS_PER_TOPIC_CHAR * topic.length();
            for (int rank : candidates) {
                if (left <= 0) {
                    undecided(topic, "used up the step budget of " + TOPIC_STEP_BUDGET + " for one topic");
                    return Optional.empty();
                }
                BudgetedText text = new BudgetedText(topic, Math.min(each, left));
                boolean match = matches(rank, text);
                left -= text.used();
                if (match) {
                    return patternStations[rank];
                }
            }
        }
        return restStation;
    }

    private boolean matches(int rank, BudgetedText text) {
        regexEvaluations.increment();
        try {
            return patterns[rank].matcher(text).matches();
        } catch (BudgetedText.BudgetExceeded | StackOverflowError e) {
            // StackOverflowError: java.util.regex recurses per repetition on long topics; treat like the budget
            text.spendAll();
            aborted.increment();
            logAborted(rank, text.toString(), e instanceof StackOverflowError ? "ran out of stack"
                    : "exceeded its step budget");
            return false;
        }
    }

    private void undecided(String topic, String why) {
        undecided.increment();
        long now = System.nanoTime();
        long next = nextLogNanos.get();
        if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
            String shown = topic.length() <= 120 ? topic : topic.substring(0, 120) + "...";
            LOG.warn("Topic '{}' ({} characters) {}: no regular expression decides it, so no station takes it. {} "
                    + "such topic(s) since the stations were configured.", shown, topic.length(), why, undecided.sum());
        }
    }

    private void logAborted(int rank, String topic, String how) {
        long now = System.nanoTime();
        long next = nextLogNanos.get();
        if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
            String shown = topic.length() <= 120 ? topic : topic.substring(0, 120) + "...";
            LOG.warn("Station '{}': its address '{}' read as a regular expression {} on topic '{}' ({} characters); "
                    + "treated as no match. {} such evaluation(s) since the stations were configured; simplify the address "
                    + "(avoid nested repetition such as (a+)+).", patternStations[rank].orElse("?"),
                    patternAddresses[rank], how, shown, topic.length(), aborted.sum());
        }
    }

    /** @return how many regular-expression evaluations gave up (step budget or stack); for line statistics */
    public long abortedEvaluations() {
        return aborted.sum();
    }

    /**
     * @return how many first-seen topics went to no station because an expression would have had to
     *     decide but the topic was too long or the topic's total step budget was spent
     */
    public long undecidedTopics() {
        return undecided.sum();
    }

    /** @return how many regular-expression evaluations ran (cache misses only); for tests and statistics */
    public long regexEvaluations() {
        return regexEvaluations.sum();
    }

    /** @return how many topic decisions are cached now (approximate) */
    public int cachedDecisions() {
        return cache.size();
    }

    /** @return the number of stations the router was built with */
    public int stationCount() {
        return stationCount;
    }

    /** @return the number of addresses tried as regular expressions (valid and not plain literals) */
    public int regexCount() {
        return patterns.length;
    }

    @Override
    public String toString() {
        return "StationRouter[" + stationCount + " stations, " + patterns.length + " regular expressions"
                + allStation.map(s -> ", all to " + s).orElse("") + restStation.map(s -> ", rest to " + s).orElse("")
                + "]";
    }
}
