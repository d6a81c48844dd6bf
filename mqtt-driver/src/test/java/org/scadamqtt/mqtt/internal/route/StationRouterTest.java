package org.scadamqtt.mqtt.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

class StationRouterTest {

    /** One dynamic test per (set, topic) of routing-cases.json. */
    @TestFactory
    Stream<DynamicTest> routingTable() throws IOException {
        JsonNode sets = readResource("/routing-cases.json").get("sets");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode set : sets) {
            List<RouteEntry> stations = new ArrayList<>();
            set.get("stations").forEach(s -> stations.add(new RouteEntry(s.get(0).asText(), s.get(1).asText())));
            StationRouter router = StationRouter.of(stations);
            for (JsonNode c : set.get("cases")) {
                String topic = c.get(0).asText();
                Optional<String> expected = c.get(1).isNull() ? Optional.empty() : Optional.of(c.get(1).asText());
                String shown = topic.length() > 40 ? topic.substring(0, 40) + "..." : topic;
                tests.add(DynamicTest.dynamicTest(set.get("name").asText() + " | " + shown, () -> {
                    assertEquals(expected, router.route(topic), "first routing of '" + topic + "'");
                    assertEquals(expected, router.route(topic), "cached routing of '" + topic + "'");
                }));
            }
        }
        assertTrue(tests.size() > 40, "the table must not be empty");
        return tests.stream();
    }

    @Test
    void repeatedTopicDoesNotRerunRegex() {
        StationRouter router = StationRouter.of(List.of(new RouteEntry("a", "x/[0-9]+"), new RouteEntry("b", "y/.*")));
        assertEquals(Optional.of("b"), router.route("y/1"));
        long afterFirst = router.regexEvaluations();
        assertTrue(afterFirst >= 1, "the first routing must evaluate a regex");
        for (int i = 0; i < 1000; i++) {
            assertEquals(Optional.of("b"), router.route("y/1"));
            assertEquals(Optional.empty(), router.route("z/1"));
        }
        // y/1 ran once; z/1 has no candidate prefix and is cached as "no station"
        assertEquals(afterFirst, router.regexEvaluations(), "cached topics must not run a regex again");
        StationRouter wide = StationRouter.of(List.of(new RouteEntry("any", ".+/[0-9]")));
        assertEquals(Optional.empty(), wide.route("z/x"));
        assertEquals(1, wide.regexEvaluations());
        wide.route("z/x");
        assertEquals(1, wide.regexEvaluations(), "\"no station\" must be cached too");
    }

    @Test
    void literalPrefixIndexAvoidsLinearScan() {
        List<RouteEntry> stations = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            stations.add(new RouteEntry("s" + i, "plant/device" + i + "/.*"));
        }
        stations.add(new RouteEntry("catchAll", "plant/.*"));
        StationRouter router = StationRouter.of(stations);
        assertEquals(100_001, router.regexCount());
        assertEquals(Optional.of("s4242"), router.route("plant/device4242/temp"));
        // candidates: prefixes "plant/device4", "plant/device42", "plant/device424", "plant/device4242", "plant/"
        assertTrue(router.regexEvaluations() <= 5, "evaluated " + router.regexEvaluations() + " expressions");
        assertEquals(Optional.of("catchAll"), router.route("plant/other"));
        assertTrue(router.regexEvaluations() <= 6, "evaluated " + router.regexEvaluations() + " expressions");
    }

    @Test
    void plainLiteralAddressesAreNotEvaluatedAsRegex() {
        List<RouteEntry> stations = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            stations.add(new RouteEntry("s" + i, "plant/device" + i + "/up"));
        }
        StationRouter router = StationRouter.of(stations);
        assertEquals(0, router.regexCount());
        assertEquals(Optional.of("s99999"), router.route("plant/device99999/up"));
        assertEquals(Optional.empty(), router.route("plant/device99999/down"));
        assertEquals(0, router.regexEvaluations());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hostileTopicIsBoundedCountedAndCached() {
        StationRouter router = StationRouter.of(List.of(new RouteEntry("evil", "(.*a){20}"), new RouteEntry("ok", "ok/.*"),
                new RouteEntry("rest", ".*")));
        String topic = "a".repeat(5000) + "!";
        assertEquals(Optional.of("rest"), router.route(topic.substring(0, 60)));
        assertEquals(1, router.abortedEvaluations(), "the backtracking evaluation must be abandoned");
        assertEquals(Optional.of("rest"), router.route(topic.substring(0, 60)));
        assertEquals(1, router.abortedEvaluations(), "the decision must be cached, not re-evaluated");
        // longer than MAX_REGEX_TOPIC_LENGTH: no expression is tried; no station takes it (counted as unrouted)
        assertEquals(Optional.empty(), router.route(topic));
        assertEquals(Optional.empty(), router.route(topic));
        assertEquals(1, router.abortedEvaluations());
        assertEquals(1, router.regexEvaluations(), "a topic over the length limit never reaches an expression");
        assertEquals(2, router.undecidedTopics());
        assertEquals(Optional.of("ok"), router.route("ok/" + topic.substring(0, 60)));
        assertEquals(1, router.abortedEvaluations(), "a topic with another prefix never reaches the expression");
    }

    /**
     * Issue 10 item 8: the work per topic has a total bound independent of the topic's length and of
     * the number of expressions. 30 hostile addresses on a 1,000-character topic: without the total
     * budget each took its own (202,400 steps each, about 6 million in all) and the topic went to the
     * catch-all; with it, two evaluations spend the topic's budget and it goes to no station.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void allEvaluationsForOneTopicShareOneBudgetAndThenItGoesToNoStation() {
        List<RouteEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(new RouteEntry("evil" + i, "(a+)+b{0," + (i + 1) + "}$"));
        }
        entries.add(new RouteEntry("rest", ".*"));
        StationRouter router = StationRouter.of(entries);
        String topic = "a".repeat(999) + "!";
        assertEquals(Optional.empty(), router.route(topic));
        assertTrue(router.abortedEvaluations() <= 2, router.abortedEvaluations() + " evaluations abandoned");
        assertEquals(1, router.undecidedTopics());
        // a short ordinary topic still gets its decision from the expressions
        assertTrue(router.route("aaab").orElseThrow().startsWith("evil"));
    }

    /**
     * Issue 10 item 8 as the audit measured it: station address (a+)+$ and 50 messages on a 60 KB
     * topic delayed every station by 60-70 ms each. Now such a topic is refused before any
     * expression runs.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSixtyKilobyteTopicCostsNoExpressionEvaluation() {
        StationRouter router = StationRouter.of(List.of(new RouteEntry("evil", "(a+)+$"), new RouteEntry("rest", ".*")));
        String topic = "a".repeat(60_000) + "!";
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), router.route(topic));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, router.regexEvaluations());
        assertEquals(50, router.undecidedTopics());
        assertTrue(millis < 1_000, "50 hostile topics took " + millis + " ms");
        String limit = "a".repeat(StationRouter.MAX_REGEX_TOPIC_LENGTH);
        assertEquals(Optional.of("evil"), router.route(limit), "a topic at the limit is still matched");
        StationRouter prefixed = StationRouter.of(List.of(new RouteEntry("ok", "ok/.*"), new RouteEntry("rest", ".*")));
        assertEquals(Optional.of("rest"), prefixed.route("zz" + topic), "no expression's prefix starts it: the "
                + "catch-all takes it without any evaluation");
        assertEquals(0, prefixed.undecidedTopics());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void maximumLengthTopicDoesNotBreakTheRouter() {
        // java.util.regex recurses per repetition of a group: a 65,535-character topic can exhaust the stack
        StationRouter router = StationRouter.of(List.of(new RouteEntry("alt", "(a|b)*c"), new RouteEntry("rest", ".*")));
        String topic = "ab".repeat(32_767) + "a";
        assertEquals(Optional.empty(), router.route(topic), "over the length limit for expressions: no station");
        assertEquals(0, router.abortedEvaluations());
        String deep = "ab".repeat(StationRouter.MAX_REGEX_TOPIC_LENGTH / 2 - 1) + "a";
        assertEquals(Optional.of("rest"), router.route(deep));
        assertEquals(Optional.of("alt"), router.route("ababc"));
    }

    @Test
    void cacheIsBounded() {
        StationRouter router = StationRouter.of(List.of(new RouteEntry("n", "n/[0-9]+")), 1000);
        for (int i = 0; i < 20_000; i++) {
            assertEquals(Optional.of("n"), router.route("n/" + i));
        }
        assertTrue(router.cachedDecisions() <= 1000, "cache holds " + router.cachedDecisions());
        assertTrue(router.cachedDecisions() >= 400, "cache holds " + router.cachedDecisions());
        assertEquals(Optional.empty(), router.route("n/x"));
    }

    @Test
    void recentlyUsedTopicsSurviveEviction() {
        StationRouter router = StationRouter.of(List.of(new RouteEntry("n", "n/[0-9]+")), 100);
        router.route("n/hot0");
        for (int i = 0; i < 1000; i++) {
            router.route("n/" + i);
            router.route("n/hot0"); // used all the time: promoted on every generation change
        }
        long before = router.regexEvaluations();
        router.route("n/hot0");
        assertEquals(before, router.regexEvaluations());
    }

    @Test
    void emptyRouterRoutesNowhere() {
        StationRouter router = StationRouter.of(List.of());
        assertEquals(Optional.empty(), router.route("a"));
        assertEquals(0, router.stationCount());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void concurrentRoutingGivesTheSameDecisions() throws Exception {
        List<RouteEntry> stations = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            stations.add(new RouteEntry("dev" + i, "d/" + i + "/.*"));
        }
        stations.add(new RouteEntry("rest", ".*"));
        StationRouter router = StationRouter.of(stations, 64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int dev = (i * 7 + seed) % 250;
                        String expected = dev < 200 ? "dev" + dev : "rest";
                        if (!router.route("d/" + dev + "/x").equals(Optional.of(expected))) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> r : results) {
                assertEquals(0, r.get(50, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void literalPrefixIsConservative() {
        assertEquals("status/batt", RegexIndex.literalPrefix("status/batt.*"));
        assertEquals("a", RegexIndex.literalPrefix("ab?c"));
        assertEquals("a", RegexIndex.literalPrefix("ab*"));
        assertEquals("x", RegexIndex.literalPrefix("xy{0,2}"));
        assertEquals("mn", RegexIndex.literalPrefix("mn+o"));
        assertEquals("", RegexIndex.literalPrefix("(up|down)/x"));
        assertEquals("", RegexIndex.literalPrefix("a|b"));
        assertEquals("", RegexIndex.literalPrefix("^abc"));
        assertEquals("", RegexIndex.literalPrefix("(?i)abc"));
        assertEquals("dev/", RegexIndex.literalPrefix("dev/\\d+"));
        assertEquals("a", RegexIndex.literalPrefix("a\uD83D\uDE00?"));
        assertTrue(RegexIndex.isPlainLiteral("plant/device1/up"));
        assertTrue(!RegexIndex.isPlainLiteral("a.b"));
    }

    static JsonNode readResource(String name) throws IOException {
        try (InputStream in = StationRouterTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " is missing");
            }
            return new ObjectMapper().readTree(in);
        }
    }
}
