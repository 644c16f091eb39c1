package dev.migrations.revision;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The id of a revision, the text of a revision file's name before the first {@code _}.
 * Ids compare in natural order: runs of digits compare as numbers, so {@code 2 < 10 < 018},
 * and {@code 18} and {@code 018} are the same revision.
 *
 * @param value the id as written in the file name
 */
public record RevisionId(String value) implements Comparable<RevisionId> {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]*");

	private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

	public RevisionId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("'" + value
					+ "' is not a valid revision id: use letters, digits, '.' and '-', starting with a letter or digit");
		}
	}

	/**
	 * Whether the given text can be a revision id.
	 * @param value the candidate
	 * @return {@code true} if it is valid
	 */
	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value).matches();
	}

	@Override
	public int compareTo(RevisionId other) {
		List<String> mine = chunks(this.value);
		List<String> theirs = chunks(other.value);
		for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
			int result = compareChunk(mine.get(i), theirs.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(mine.size(), theirs.size());
	}

	/**
	 * Whether this id names the same revision as the other, numerically ({@code 18} and {@code 018}).
	 * @param other the other id
	 * @return {@code true} if both name one revision
	 */
	public boolean sameRevisionAs(RevisionId other) {
		return compareTo(other) == 0;
	}

	private static int compareChunk(String a, String b) {
		boolean numeric = Character.isDigit(a.charAt(0)) && Character.isDigit(b.charAt(0));
		if (numeric) {
			return new BigInteger(a).compareTo(new BigInteger(b));
		}
		return a.compareToIgnoreCase(b);
	}

	private static List<String> chunks(String value) {
		List<String> chunks = new ArrayList<>();
		var matcher = CHUNK.matcher(value);
		while (matcher.find()) {
			chunks.add(matcher.group());
		}
		return chunks;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
