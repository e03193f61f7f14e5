package io.c2m.json.internal;

import io.c2m.json.C2mJson;
import io.c2m.json.EventReader;
import java.util.regex.Pattern;

/**
 * Turns Jackson's messages into rules that hold no input: Jackson quotes the text it failed on
 * ({@code from String "..."}, {@code Unrecognized token '...'}) and gives the character code of
 * an unexpected character ({@code (code 98)}), and both may be consumer data. Shared by
 * {@link EventReader} and {@link C2mJson} so that neither can leak what the other hides. Public for
 * {@link C2mJson}; not API.
 */
public final class SafeMessages {
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern CHAR_CODE =
      Pattern.compile("\\s*\\((?:CTRL-CHAR, )?code -?\\d+\\)");
  private static final int MAX_LENGTH = 200;

  private SafeMessages() {}

  /**
   * Returns the first line of Jackson's message with quoted parts replaced by {@code '...'},
   * character codes removed and control characters (tabs too) escaped as {@code \\uXXXX} (a
   * record constructor's message may quote a value of the input), clipped to 200 characters.
   *
   * @param message Jackson's original message, or null
   * @return the rule, never blank
   */
  public static String rule(String message) {
    String msg = message;
    if (msg == null || msg.isBlank()) {
      return "syntax error";
    }
    int nl = msg.indexOf('\n');
    if (nl >= 0) {
      msg = msg.substring(0, nl);
    }
    msg = QUOTED.matcher(msg).replaceAll("'...'");
    msg = CHAR_CODE.matcher(msg).replaceAll("");
    msg = io.c2m.privacy.PersonalData.escapeControls(msg).replace("\t", "\\u0009");
    if (msg.length() > MAX_LENGTH) {
      msg = msg.substring(0, MAX_LENGTH - 3) + "...";
    }
    return msg;
  }
}
