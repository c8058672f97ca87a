package ideabank.esshim;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredCharFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

/**
 * Development/test stand-in for the analysis-common and rest-root modules, which the integ-test-zip
 * distribution lacks. Registers, under the names Elasticsearch uses, thin factories over the Lucene
 * classes the real module wraps (enough for Wagtail/modelsearch index settings and a Danish
 * analyser), and the GET/HEAD / info endpoint that clients' info() and ping() call.
 * Never install this on a production cluster: those have the real modules.
 */
public class EsShimPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    // ---- GET / and HEAD / (rest-root module) ---------------------------------------------------

    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService = services.clusterService();
        return List.of();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(Settings settings, NamedWriteableRegistry registry, RestController controller,
            ClusterSettings clusterSettings, IndexScopedSettings indexScopedSettings, SettingsFilter filter,
            IndexNameExpressionResolver resolver, Supplier<DiscoveryNodes> nodes, Predicate<NodeFeature> features) {
        return List.of(new BaseRestHandler() {
            @Override public String getName() { return "ideabank_main_action"; }

            @Override public List<Route> routes() {
                return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
            }

            @Override protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
                return channel -> {
                    Build build = Build.current();
                    XContentBuilder b = channel.newBuilder();
                    b.startObject()
                        .field("name", clusterService.getNodeName())
                        .field("cluster_name", clusterService.getClusterName().value())
                        .field("cluster_uuid", clusterService.state().metadata().clusterUUID())
                        .startObject("version")
                        .field("number", build.qualifiedVersion())
                        .field("build_flavor", build.flavor())
                        .field("build_type", build.type().displayName())
                        .field("build_hash", build.hash())
                        .field("build_date", build.date())
                        .field("build_snapshot", build.isSnapshot())
                        .field("lucene_version", IndexVersion.current().luceneVersion().toString())
                        .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                        .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                        .endObject()
                        .field("tagline", "You Know, for Search")
                        .endObject();
                    channel.sendResponse(new RestResponse(RestStatus.OK, b));
                };
            }
        });
    }

    // ---- token filters -------------------------------------------------------------------------

    static TokenFilterFactory filter(String name, Function<TokenStream, TokenStream> f, boolean normalizes) {
        return new AbstractTokenFilterFactory(name, Settings.EMPTY) {
            @Override public TokenStream create(TokenStream ts) { return f.apply(ts); }
            @Override public TokenStream normalize(TokenStream ts) { return normalizes ? f.apply(ts) : ts; }
        };
    }

    static TokenFilterFactory stemmer(String name, String language) {
        Function<TokenStream, TokenStream> f = switch (language) {
            case "danish" -> ts -> new SnowballFilter(ts, new org.tartarus.snowball.ext.DanishStemmer());
            case "swedish" -> ts -> new SnowballFilter(ts, new org.tartarus.snowball.ext.SwedishStemmer());
            case "norwegian" -> ts -> new SnowballFilter(ts, new org.tartarus.snowball.ext.NorwegianStemmer());
            case "english", "porter" -> PorterStemFilter::new;
            case "porter2" -> ts -> new SnowballFilter(ts, new org.tartarus.snowball.ext.EnglishStemmer());
            case "light_english", "kstem" -> KStemFilter::new;
            case "minimal_english" -> EnglishMinimalStemFilter::new;
            case "possessive_english" -> EnglishPossessiveFilter::new;
            default -> throw new IllegalArgumentException("stemmer language [" + language
                + "] is not supported by the local ideabank-es-shim plugin (scripts/elasticsearch.sh)");
        };
        return filter(name, f, false);
    }

    static void checkNgramDiff(IndexSettings index, int min, int max, String what) {
        if (max - min > index.getMaxNgramDiff()) {
            throw new IllegalArgumentException("The difference between max_gram and min_gram in " + what
                + " must be less than or equal to: [" + index.getMaxNgramDiff() + "] but was [" + (max - min)
                + "]. This limit can be set by changing the [" + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey()
                + "] index level setting.");
        }
    }

    /** synonym / synonym_graph: rules are analysed with the tokenizer and filters before it. */
    static final class SynonymFactory extends AbstractTokenFilterFactory {
        private final boolean graph;
        private final Settings settings;
        private final Environment env;

        SynonymFactory(String name, Settings settings, Environment env, boolean graph) {
            super(name, settings);
            this.graph = graph;
            this.settings = settings;
            this.env = env;
            if (settings.get("synonyms_set") != null) {
                throw new IllegalArgumentException("synonyms_set is not supported by the local ideabank-es-shim plugin");
            }
        }

        @Override public TokenStream create(TokenStream ts) {
            throw new IllegalStateException("Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
        }

        @Override public AnalysisMode getAnalysisMode() {
            return settings.getAsBoolean("updateable", false) ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
        }

        @Override public TokenFilterFactory getSynonymFilter() { return IDENTITY_FILTER; }

        @Override public TokenFilterFactory getChainAwareTokenFilterFactory(IndexCreationContext context, TokenizerFactory tokenizer,
                List<CharFilterFactory> charFilters, List<TokenFilterFactory> previous, Function<String, TokenFilterFactory> all) {
            Analyzer chain = new Analyzer() {
                @Override protected TokenStreamComponents createComponents(String field) {
                    Tokenizer t = tokenizer.create();
                    TokenStream ts = t;
                    for (TokenFilterFactory f : previous) ts = f.getSynonymFilter().create(ts);
                    return new TokenStreamComponents(t, ts);
                }
                @Override protected Reader initReader(String field, Reader reader) {
                    for (CharFilterFactory c : charFilters) reader = c.create(reader);
                    return reader;
                }
            };
            SynonymMap map = buildMap(chain);
            String name = name();
            AnalysisMode mode = getAnalysisMode();
            return new AbstractTokenFilterFactory(name, Settings.EMPTY) {
                @SuppressWarnings("deprecation")
                @Override public TokenStream create(TokenStream ts) {
                    if (map.fst == null) return ts;
                    return graph ? new SynonymGraphFilter(ts, map, false)
                        : new org.apache.lucene.analysis.synonym.SynonymFilter(ts, map, false);
                }
                @Override public TokenFilterFactory getSynonymFilter() { return IDENTITY_FILTER; }
                @Override public AnalysisMode getAnalysisMode() { return mode; }
            };
        }

        private SynonymMap buildMap(Analyzer chain) {
            boolean expand = settings.getAsBoolean("expand", true);
            boolean lenient = settings.getAsBoolean("lenient", false);
            Reader rules;
            if (settings.getAsList("synonyms", null) != null) {
                rules = new StringReader(String.join("\n", settings.getAsList("synonyms")));
            } else if (settings.get("synonyms_path") != null) {
                rules = Analysis.getReaderFromFile(env, settings.get("synonyms_path"), "synonyms_path");
            } else {
                throw new IllegalArgumentException("synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
            }
            try {
                SynonymMap.Parser parser = "wordnet".equalsIgnoreCase(settings.get("format", ""))
                    ? new WordnetSynonymParser(true, expand, chain) {
                        @Override public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
                            return lenientAnalyze(() -> super.analyze(text, reuse), lenient);
                        }
                        @Override public void add(CharsRef in, CharsRef out, boolean orig) {
                            if (!lenient || (in.length > 0 && out.length > 0)) super.add(in, out, orig);
                        }
                    }
                    : new SolrSynonymParser(true, expand, chain) {
                        @Override public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
                            return lenientAnalyze(() -> super.analyze(text, reuse), lenient);
                        }
                        @Override public void add(CharsRef in, CharsRef out, boolean orig) {
                            if (!lenient || (in.length > 0 && out.length > 0)) super.add(in, out, orig);
                        }
                    };
                if (parser instanceof SolrSynonymParser p) p.parse(rules); else ((WordnetSynonymParser) parser).parse(rules);
                return parser.build();
            } catch (Exception e) {
                throw new IllegalArgumentException("failed to build synonyms", e);
            }
        }

        interface Analyze { CharsRef run() throws IOException; }

        /** lenient: a rule whose words the chain rejects (e.g. all stop words) is skipped, not an error. */
        private static CharsRef lenientAnalyze(Analyze analyze, boolean lenient) throws IOException {
            try {
                return analyze.run();
            } catch (IllegalArgumentException e) {
                if (lenient) return new CharsRef("");
                throw e;
            }
        }
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "asciifolding", (index, env, name, s) -> {
                boolean keep = s.getAsBoolean("preserve_original", false);
                return filter(name, ts -> new ASCIIFoldingFilter(ts, keep), true);
            },
            "stemmer", (index, env, name, s) -> stemmer(name, s.get("language", s.get("name", "porter")).toLowerCase(java.util.Locale.ROOT)),
            "snowball", (index, env, name, s) -> {
                String lang = s.get("language", "English");
                return filter(name, ts -> new SnowballFilter(ts, lang), false);
            },
            "synonym", AnalysisPlugin.requiresAnalysisSettings((index, env, name, s) -> new SynonymFactory(name, s, env, false)),
            "synonym_graph", AnalysisPlugin.requiresAnalysisSettings((index, env, name, s) -> new SynonymFactory(name, s, env, true)),
            "ngram", (index, env, name, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                boolean keep = s.getAsBoolean("preserve_original", false);
                checkNgramDiff(index, min, max, "NGram Token Filter");
                return filter(name, ts -> new NGramTokenFilter(ts, min, max, keep), false);
            },
            "edge_ngram", (index, env, name, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                boolean keep = s.getAsBoolean("preserve_original", false);
                return filter(name, ts -> new EdgeNGramTokenFilter(ts, min, max, keep), false);
            },
            "dictionary_decompounder", AnalysisPlugin.requiresAnalysisSettings((index, env, name, s) -> {
                List<String> words = Analysis.getWordList(env, s, "word_list");
                if (words == null) throw new IllegalArgumentException("word_list or word_list_path is required");
                CharArraySet dictionary = new CharArraySet(words, true);
                int minWord = s.getAsInt("min_word_size", 5), minSub = s.getAsInt("min_subword_size", 2);
                int maxSub = s.getAsInt("max_subword_size", 15);
                boolean longest = s.getAsBoolean("only_longest_match", false);
                return filter(name, ts -> new DictionaryCompoundWordTokenFilter(ts, dictionary, minWord, minSub, maxSub, longest), false);
            }),
            "keyword_marker", AnalysisPlugin.requiresAnalysisSettings((index, env, name, s) -> {
                List<String> words = Analysis.getWordList(env, s, "keywords");
                if (words == null) throw new IllegalArgumentException("keyword filter requires either `keywords` or `keywords_path`");
                CharArraySet set = new CharArraySet(words, s.getAsBoolean("ignore_case", false));
                return filter(name, ts -> new SetKeywordMarkerFilter(ts, set), false);
            })
        );
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
            PreConfiguredTokenFilter.singleton("ngram", false, false, ts -> new NGramTokenFilter(ts, 1, 2, false)),
            PreConfiguredTokenFilter.singleton("edge_ngram", false, false, ts -> new EdgeNGramTokenFilter(ts, 1, 1, false)),
            PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton("kstem", false, KStemFilter::new)
        );
    }

    // ---- tokenizers ----------------------------------------------------------------------------

    static IntPredicate tokenChars(Settings s) {
        List<String> classes = s.getAsList("token_chars", List.of());
        if (classes.isEmpty()) return null;
        IntPredicate p = c -> false;
        for (String cls : classes) {
            IntPredicate q = switch (cls) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> c -> switch (Character.getType(c)) {
                    case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                         Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                         Character.OTHER_PUNCTUATION -> true;
                    default -> false;
                };
                case "symbol" -> c -> switch (Character.getType(c)) {
                    case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                         Character.OTHER_SYMBOL -> true;
                    default -> false;
                };
                case "custom" -> {
                    HashSet<Integer> custom = new HashSet<>();
                    s.get("custom_token_chars", "").codePoints().forEach(custom::add);
                    yield custom::contains;
                }
                default -> throw new IllegalArgumentException("Unknown token type: '" + cls + "'");
            };
            p = p.or(q);
        }
        return p;
    }

    static TokenizerFactory ngramTokenizer(IndexSettings index, String name, Settings s, boolean edge) {
        int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
        if (!edge) checkNgramDiff(index, min, max, "NGram Tokenizer");
        IntPredicate chars = tokenChars(s);
        return new AbstractTokenizerFactory(index, s, name) {
            @Override public Tokenizer create() {
                if (chars == null) return edge ? new EdgeNGramTokenizer(min, max) : new NGramTokenizer(min, max);
                return edge
                    ? new EdgeNGramTokenizer(min, max) { @Override protected boolean isTokenChar(int c) { return chars.test(c); } }
                    : new NGramTokenizer(min, max) { @Override protected boolean isTokenChar(int c) { return chars.test(c); } };
            }
        };
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "ngram", (index, env, name, s) -> ngramTokenizer(index, name, s, false),
            "edge_ngram", (index, env, name, s) -> ngramTokenizer(index, name, s, true),
            "whitespace", (index, env, name, s) -> {
                int max = s.getAsInt("max_token_length", 255);
                return TokenizerFactory.newFactory(name, () -> new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, max));
            },
            "keyword", (index, env, name, s) -> {
                int buffer = s.getAsInt("buffer_size", 256);
                return TokenizerFactory.newFactory(name, () -> new KeywordTokenizer(buffer));
            }
        );
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
            PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new),
            PreConfiguredTokenizer.singleton("keyword", KeywordTokenizer::new),
            PreConfiguredTokenizer.singleton("ngram", NGramTokenizer::new),
            PreConfiguredTokenizer.singleton("edge_ngram", () -> new EdgeNGramTokenizer(1, 2))
        );
    }

    // ---- char filters and analysers ------------------------------------------------------------

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("html_strip", (index, env, name, s) -> {
            HashSet<String> escaped = new HashSet<>(s.getAsList("escaped_tags", List.of()));
            return new AbstractCharFilterFactory(name) {
                @Override public Reader create(Reader r) { return new HTMLStripCharFilter(r, escaped); }
            };
        });
    }

    @Override
    public List<PreConfiguredCharFilter> getPreConfiguredCharFilters() {
        return List.of(PreConfiguredCharFilter.singleton("html_strip", false, HTMLStripCharFilter::new));
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("danish", (index, env, name, s) -> {
            DanishAnalyzer analyzer = new DanishAnalyzer(
                Analysis.parseStopWords(env, s, DanishAnalyzer.getDefaultStopSet()),
                Analysis.parseStemExclusion(s, CharArraySet.EMPTY_SET));
            return new AbstractIndexAnalyzerProvider<DanishAnalyzer>(name, s) {
                @Override public DanishAnalyzer get() { return analyzer; }
            };
        });
    }

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(new PreBuiltAnalyzerProviderFactory("danish", CachingStrategy.LUCENE, DanishAnalyzer::new));
    }
}
