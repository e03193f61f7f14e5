package io.c2m.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.production.BatchingProblem;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Jackson module that maps every public record of c2m to JSON and back, without annotations
 * on the records. Register it on a mapper ({@code mapper.registerModule(new C2mJacksonModule())})
 * or use {@link C2mJson#mapper()}, which also turns on the strict and deterministic settings
 * described there.
 *
 * <h2>The JSON form</h2>
 * These rules apply to c2m's own types, those in package {@code io.c2m} and below; an
 * application's own records are left as Jackson writes them without the module.
 * <ul>
 *   <li>A record is a JSON object with one field per record component, named as the component,
 *       in component order; nothing else (derived accessors such as {@code isOnBook()} or
 *       {@code isClean()} are not written). It is read back through its canonical constructor, so
 *       the record's validation applies: a bad value fails with the constructor's message, which
 *       names the field, and Jackson's path to it.
 *   <li>Identifiers ({@link io.c2m.ConsumerId}, {@link io.c2m.DesignId}, {@link io.c2m.OrderId},
 *       {@link io.c2m.NicheId}, {@link io.c2m.BatchId}, and any c2m record whose only component is
 *       {@code String value}) are plain JSON strings, also as map keys.
 *   <li>{@link Attributes} is a flat object, {@code {"category": "dress", "color": "sage"}};
 *       numbers and booleans are accepted as values and read as their text.
 *   <li>{@link AttributeValue} as a map key is {@code "key=value"} (so
 *       {@code ConsumerProfile.affinities} is {@code {"color=sage": 2.5}}); as a value it is the
 *       record {@code {"key": ..., "value": ...}}.
 *   <li>{@link Instant} and {@link Duration} components are ISO-8601 text
 *       ({@code "2026-03-01T10:00:00Z"}, {@code "PT720H"}).
 *   <li>{@link Signal}: its {@code value} is left out when it is NaN (absent), and an absent or
 *       null {@code value} reads as NaN.
 *   <li>Enums are their names; arrays (such as {@code DemandSeries.values}) are JSON arrays.
 * </ul>
 *
 * <h2>Adding a record</h2>
 * A new public record of c2m round-trips with no registration if:
 * <ol>
 *   <li>its components are themselves mapped: JSON scalars, {@link String}, enums, {@code
 *       Instant}, {@code Duration}, ids, {@code Attributes}, other such records, and
 *       {@code List}/{@code Set}/{@code Map} of them (map keys: strings, enums, ids or
 *       {@code AttributeValue});
 *   <li>its accessors return what the constructor takes (a copy is fine, as in {@code
 *       DemandSeries.values()}), so that {@code new R(json(r)) .equals(r)};
 *   <li>its {@code equals} compares values (the default for records; override it for array
 *       components, as {@code DemandSeries} does);
 *   <li>no component holds NaN or infinity, unless it gets a dedicated serializer like
 *       {@code Signal.value}: JSON has no such numbers.
 * </ol>
 * Only a record that breaks one of these needs its own serializer and deserializer in this
 * module. A round-trip property over an arbitrary of the record (see {@code
 * io.c2m.testkit.DomainArbitraries}) checks it.
 *
 * <p>Jackson also finds the module by itself ({@code ObjectMapper.findAndRegisterModules()}):
 * it is declared as a {@code com.fasterxml.jackson.databind.Module} service. Finding it changes
 * nothing for an application's own classes: the rules above, including ISO-8601 text for
 * {@link Instant} and {@link Duration}, apply to c2m's types and their members only, whatever
 * other modules (such as Jackson's {@code JavaTimeModule}) are registered and in whatever order.
 * A bare {@code Instant} written by such a mapper is left to those modules; {@link C2mJson}'s
 * mappers also write bare ones as ISO-8601 text.
 *
 * <p>Thread-safe; the module holds no mutable state beyond caches.
 */
public final class C2mJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public C2mJacksonModule() {
    super("io.c2m.json", new Version(0, 1, 0, "SNAPSHOT", "io.c2m", "c2m-core"));
    addSerializer(Attributes.class, new AttributesSerializer());
    addDeserializer(Attributes.class, new AttributesDeserializer());
    addSerializer(Signal.class, new SignalSerializer());
    addDeserializer(Signal.class, new SignalDeserializer());
    addKeyDeserializer(AttributeValue.class, new AttributeValueKeyDeserializer());
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.addSerializers(new IdSerializers());
    context.addKeySerializers(new IdKeySerializers());
    context.addDeserializers(new IdDeserializers());
    context.addKeyDeserializers(new IdKeyDeserializers());
    context.addBeanSerializerModifier(new RecordComponentsOnly());
    context.addBeanDeserializerModifier(new LaterComponentDefaults());
    context.insertAnnotationIntrospector(new C2mTimeIntrospector());
  }

  /**
   * Returns a module that maps {@link Instant} and {@link Duration} as ISO-8601 text wherever
   * they occur, also at the top level. {@link C2mJson}'s mappers register it; this module does
   * not, so that it leaves an application's own time values to its own mapping.
   */
  static SimpleModule isoTimeEverywhere() {
    SimpleModule m = new SimpleModule("io.c2m.json.time",
        new Version(0, 1, 0, "SNAPSHOT", "io.c2m", "c2m-core"));
    m.addSerializer(Instant.class, new ToStringSerializer<>(Instant.class));
    m.addDeserializer(Instant.class, new InstantDeserializer());
    m.addSerializer(Duration.class, new ToStringSerializer<>(Duration.class));
    m.addDeserializer(Duration.class, new DurationDeserializer());
    return m;
  }

  // ---- time: ISO-8601 text in c2m's records ----

  /**
   * Maps {@link Instant} and {@link Duration} members of c2m's own classes as ISO-8601 text, as
   * if they carried {@code @JsonSerialize}/{@code @JsonDeserialize}: a member-level choice
   * overrides any type-level serializer (such as {@code JavaTimeModule}'s) for these members
   * only, and leaves every other class's time values alone. c2m's records hold time values only
   * as direct components, never inside collections.
   */
  private static final class C2mTimeIntrospector extends NopAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    private static boolean isC2mTime(Annotated a) {
      Class<?> raw = a.getRawType();
      return (raw == Instant.class || raw == Duration.class)
          && a instanceof AnnotatedMember m && isC2mType(m.getDeclaringClass());
    }

    @Override
    public Object findSerializer(Annotated a) {
      if (!isC2mTime(a)) {
        return null;
      }
      return a.getRawType() == Instant.class
          ? new ToStringSerializer<>(Instant.class) : new ToStringSerializer<>(Duration.class);
    }

    @Override
    public Object findDeserializer(Annotated a) {
      if (!isC2mTime(a)) {
        return null;
      }
      return a.getRawType() == Instant.class ? new InstantDeserializer()
          : new DurationDeserializer();
    }

    @Override
    public Version version() {
      return new Version(0, 1, 0, "SNAPSHOT", "io.c2m", "c2m-core");
    }
  }

  // ---- c2m's own types ----

  /**
   * Whether a class is one of c2m's: in package {@code io.c2m} or below. The id and record rules
   * apply only to these, so that registering the module (or Jackson finding it as a service)
   * leaves an application's own records as Jackson writes them.
   */
  static boolean isC2mType(Class<?> type) {
    String pkg = type.getPackageName();
    return pkg.equals("io.c2m") || pkg.startsWith("io.c2m.");
  }

  // ---- records: components added later ----

  /**
   * Reads a {@link BatchingProblem} written before its {@code forecasts} or {@code asOf}
   * components existed: a missing {@code forecasts} field reads as an empty map (no forecasts), a
   * missing {@code asOf} as {@link java.time.Instant#MAX} (final orders), so JSON written by an
   * earlier version still reads although {@link C2mJson}'s mappers fail on other missing creator
   * properties. Only those fields of that one record are defaulted; everything else stays strict.
   */
  private static final class LaterComponentDefaults extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
        BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
      if (beanDesc.getBeanClass() == BatchingProblem.class) {
        return new DefaultMissingField(deserializer, "forecasts",
            new DefaultMissingField(deserializer, "asOf", null));
      }
      return deserializer;
    }
  }

  /** Adds an empty object for a missing field, then hands the object to the record's reader. */
  private static final class DefaultMissingField extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    private final String field;
    /** Another missing field to default, or null. */
    private final DefaultMissingField also;

    DefaultMissingField(JsonDeserializer<?> delegate, String field, DefaultMissingField also) {
      super(delegate);
      this.field = field;
      this.also = also;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new DefaultMissingField(newDelegatee, field, also);
    }

    private void fill(ObjectNode o) {
      if (!o.has(field)) {
        if (field.equals("asOf")) {
          o.put(field, java.time.Instant.MAX.toString());
        } else {
          o.putObject(field);
        }
      }
      if (also != null) {
        also.fill(o);
      }
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartObjectToken()) {
        return super.deserialize(p, ctxt);
      }
      JsonNode tree = ctxt.readTree(p);
      if (tree instanceof ObjectNode o) {
        fill(o);
      }
      try (JsonParser q = tree.traverse(p.getCodec())) {
        q.nextToken();
        return super.deserialize(q, ctxt);
      }
    }
  }

  // ---- records: components only ----

  /** Writes a c2m record's components and nothing else. */
  private static final class RecordComponentsOnly extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
        BeanDescription beanDesc, List<BeanPropertyWriter> beanProperties) {
      Class<?> type = beanDesc.getBeanClass();
      if (!type.isRecord() || !isC2mType(type)) {
        return beanProperties;
      }
      Set<String> names = new HashSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        names.add(c.getName());
      }
      List<BeanPropertyWriter> kept = new ArrayList<>(beanProperties.size());
      for (BeanPropertyWriter w : beanProperties) {
        if (names.contains(w.getName())) {
          kept.add(w);
        }
      }
      return kept;
    }
  }

  // ---- ids: records of one String value ----

  /** An id record's canonical constructor and its accessor. */
  private record IdType(Constructor<?> constructor, Method accessor) {}

  /** The {@link IdType} of each id record, or {@link #NOT_AN_ID}; no class is pinned. */
  private static final ClassValue<Object> ID_TYPES = new ClassValue<>() {
    @Override
    protected Object computeValue(Class<?> type) {
      if (!type.isRecord() || !isC2mType(type)) {
        return NOT_AN_ID;
      }
      RecordComponent[] rc = type.getRecordComponents();
      if (rc.length != 1 || rc[0].getType() != String.class || !rc[0].getName().equals("value")) {
        return NOT_AN_ID;
      }
      try {
        return new IdType(type.getDeclaredConstructor(String.class), rc[0].getAccessor());
      } catch (NoSuchMethodException e) {
        return NOT_AN_ID;
      }
    }
  };
  private static final Object NOT_AN_ID = new Object();

  /**
   * Returns the canonical constructor if {@code type} is a c2m record of one {@code String value},
   * else null.
   */
  static Constructor<?> idConstructor(Class<?> type) {
    Object t = ID_TYPES.get(type);
    return t instanceof IdType id ? id.constructor() : null;
  }

  private static Object newId(Constructor<?> ctor, String text) throws ReflectiveOperationException {
    try {
      return ctor.newInstance(text);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private static String idText(Object id) {
    try {
      return (String) ((IdType) ID_TYPES.get(id.getClass())).accessor().invoke(id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the value of " + id.getClass().getName(), e);
    }
  }

  private static final class IdSerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    IdSerializer() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(idText(value));
    }
  }

  private static final class IdKeySerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    IdKeySerializer() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeFieldName(value instanceof AttributeValue av ? av.toString() : idText(value));
    }
  }

  private static final class IdSerializers extends Serializers.Base {
    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
        BeanDescription beanDesc) {
      return idConstructor(type.getRawClass()) != null ? new IdSerializer() : null;
    }
  }

  private static final class IdKeySerializers extends Serializers.Base {
    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
        BeanDescription beanDesc) {
      Class<?> raw = type.getRawClass();
      return raw == AttributeValue.class || idConstructor(raw) != null
          ? new IdKeySerializer() : null;
    }
  }

  private static final class IdDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient Constructor<?> ctor;

    IdDeserializer(Class<?> type, Constructor<?> ctor) {
      super(type);
      this.ctor = ctor;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return ctxt.handleUnexpectedToken(handledType(), p);
      }
      try {
        return newId(ctor, p.getText());
      } catch (RuntimeException | ReflectiveOperationException e) {
        throw ctxt.instantiationException(handledType(), e);
      }
    }
  }

  private static final class IdDeserializers extends Deserializers.Base {
    @Override
    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
        BeanDescription beanDesc) {
      Constructor<?> ctor = idConstructor(type.getRawClass());
      return ctor != null ? new IdDeserializer(type.getRawClass(), ctor) : null;
    }
  }

  private static final class IdKeyDeserializers implements KeyDeserializers {
    @Override
    public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
        BeanDescription beanDesc) {
      Class<?> raw = type.getRawClass();
      Constructor<?> ctor = idConstructor(raw);
      if (ctor == null) {
        return null;
      }
      return new KeyDeserializer() {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
          try {
            return newId(ctor, key);
          } catch (RuntimeException | ReflectiveOperationException e) {
            return ctxt.handleWeirdKey(raw, key, "%s", message(e));
          }
        }
      };
    }
  }

  private static final class AttributeValueKeyDeserializer extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      try {
        return AttributeValue.parse(key);
      } catch (RuntimeException e) {
        return ctxt.handleWeirdKey(AttributeValue.class, key, "%s", message(e));
      }
    }
  }

  private static String message(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  // ---- time ----

  private static final class ToStringSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    ToStringSerializer(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  static Instant readInstant(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }
    String text = p.getText();
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
          "must be an ISO-8601 instant such as 2026-03-01T10:00:00Z");
    }
  }

  private static final class InstantDeserializer extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return readInstant(p, ctxt);
    }
  }

  private static final class DurationDeserializer extends StdDeserializer<Duration> {
    private static final long serialVersionUID = 1L;

    DurationDeserializer() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
      }
      String text = p.getText();
      try {
        return Duration.parse(text);
      } catch (DateTimeException e) {
        return (Duration) ctxt.handleWeirdStringValue(Duration.class, text,
            "must be an ISO-8601 duration such as PT720H");
      }
    }
  }

  // ---- attributes ----

  static void writeAttributes(Attributes value, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    for (Map.Entry<String, String> e : value.values().entrySet()) {
      gen.writeStringField(e.getKey(), e.getValue());
    }
    gen.writeEndObject();
  }

  static Attributes readAttributes(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return (Attributes) ctxt.handleUnexpectedToken(Attributes.class, p);
    }
    TreeMap<String, String> map = new TreeMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
        return (Attributes) ctxt.reportInputMismatch(Attributes.class,
            "The value of attribute %s must be text, not %s.", name,
            t == JsonToken.VALUE_NULL ? "null" : "an object or array");
      }
      if (map.put(name, p.getText()) != null) {
        return (Attributes) ctxt.reportInputMismatch(Attributes.class,
            "The attribute %s is given twice.", name);
      }
    }
    try {
      return new Attributes(map);
    } catch (RuntimeException e) {
      throw ctxt.instantiationException(Attributes.class, e);
    }
  }

  private static final class AttributesSerializer extends StdSerializer<Attributes> {
    private static final long serialVersionUID = 1L;

    AttributesSerializer() {
      super(Attributes.class);
    }

    @Override
    public void serialize(Attributes value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeAttributes(value, gen);
    }
  }

  private static final class AttributesDeserializer extends StdDeserializer<Attributes> {
    private static final long serialVersionUID = 1L;

    AttributesDeserializer() {
      super(Attributes.class);
    }

    @Override
    public Attributes deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return readAttributes(p, ctxt);
    }
  }

  // ---- signal ----

  private static final class SignalSerializer extends StdSerializer<Signal> {
    private static final long serialVersionUID = 1L;

    SignalSerializer() {
      super(Signal.class);
    }

    @Override
    public void serialize(Signal s, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("consumer", s.consumer().value());
      gen.writeStringField("type", s.type().name());
      gen.writeStringField("at", s.at().toString());
      gen.writeFieldName("item");
      writeAttributes(s.item(), gen);
      gen.writeStringField("source", s.source());
      if (!Double.isNaN(s.value())) {
        gen.writeNumberField("value", s.value());
      }
      gen.writeEndObject();
    }
  }

  private static final class SignalDeserializer extends StdDeserializer<Signal> {
    private static final long serialVersionUID = 1L;

    SignalDeserializer() {
      super(Signal.class);
    }

    @Override
    public Signal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return (Signal) ctxt.handleUnexpectedToken(Signal.class, p);
      }
      String consumer = null;
      SignalType type = null;
      Instant at = null;
      Attributes item = null;
      String source = null;
      double value = Double.NaN;
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken t = p.nextToken();
        switch (name) {
          case "consumer" -> consumer = text(p, ctxt, name);
          case "type" -> {
            String s = text(p, ctxt, name);
            try {
              type = SignalType.valueOf(s);
            } catch (IllegalArgumentException e) {
              return (Signal) ctxt.handleWeirdStringValue(SignalType.class, s,
                  "the field type must be one of %s", java.util.Arrays.toString(
                      SignalType.values()));
            }
          }
          case "at" -> at = readInstant(p, ctxt);
          case "item" -> item = readAttributes(p, ctxt);
          case "source" -> source = text(p, ctxt, name);
          case "value" -> {
            if (t == JsonToken.VALUE_NULL) {
              value = Double.NaN;
            } else if (t.isNumeric()) {
              value = p.getDoubleValue();
            } else {
              return (Signal) ctxt.reportInputMismatch(Signal.class,
                  "The field value of a signal must be a number, not %s.", t.asString());
            }
          }
          default -> ctxt.handleUnknownProperty(p, this, Signal.class, name);
        }
      }
      require(ctxt, consumer, "consumer");
      require(ctxt, type, "type");
      require(ctxt, at, "at");
      require(ctxt, item, "item");
      require(ctxt, source, "source");
      try {
        return new Signal(new ConsumerId(consumer), type, at, item, source, value);
      } catch (RuntimeException e) {
        throw ctxt.instantiationException(Signal.class, e);
      }
    }

    private static String text(JsonParser p, DeserializationContext ctxt, String field)
        throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (String) ctxt.reportInputMismatch(Signal.class,
            "The field %s of a signal must be a string, not %s.", field,
            p.currentToken().asString() == null ? "an object or array"
                : p.currentToken().asString());
      }
      return p.getText();
    }

    private static void require(DeserializationContext ctxt, Object value, String field)
        throws IOException {
      if (value == null) {
        ctxt.reportInputMismatch(Signal.class, "The field %s of a signal is missing.", field);
      }
    }
  }
}
