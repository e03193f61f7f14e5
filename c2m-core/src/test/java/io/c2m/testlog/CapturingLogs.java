package io.c2m.testlog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-scope SLF4J binding (registered in META-INF/services) that keeps every formatted log line
 * of c2m-core's tests in memory while a test records, so a test can assert what an operator
 * would read, and what must never appear there (consumer ids).
 */
public final class CapturingLogs implements SLF4JServiceProvider {
  private static final List<String> LINES = new ArrayList<>();
  private static volatile boolean recording;

  private final ILoggerFactory loggers = new Factory();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Created by SLF4J's ServiceLoader. */
  public CapturingLogs() {}

  /** Forgets what was recorded and starts recording. */
  public static void start() {
    synchronized (LINES) {
      LINES.clear();
    }
    recording = true;
  }

  /**
   * Stops recording and returns the lines, as "LEVEL logger: message".
   *
   * @return the lines recorded since {@link #start()}
   */
  public static List<String> stop() {
    recording = false;
    synchronized (LINES) {
      return List.copyOf(LINES);
    }
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class Factory implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return byName.computeIfAbsent(name, Recorder::new);
    }
  }

  private static final class Recorder extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    Recorder(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return recording;
    }

    @Override
    public boolean isInfoEnabled() {
      return recording;
    }

    @Override
    public boolean isWarnEnabled() {
      return recording;
    }

    @Override
    public boolean isErrorEnabled() {
      return recording;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
        Object[] args, Throwable t) {
      if (!recording) {
        return;
      }
      String line = level + " " + name + ": "
          + MessageFormatter.basicArrayFormat(pattern, args)
          + (t == null ? "" : " " + t);
      synchronized (LINES) {
        LINES.add(line);
      }
    }
  }
}
