using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace CinemaStats.Transform.Pos;

/// <summary>
/// Where each field the POS source defines sits in one JSON line, found in one pass over the UTF-8
/// bytes: no document, no string per field until a value is asked for. A line of the plain shape
/// (flat, ASCII, no escapes: nearly all of them) is scanned directly; any other goes through a
/// <see cref="Utf8JsonReader"/>. The whole line is read first, so a line that is not valid JSON is
/// rejected as such before any field is judged; a field written twice counts with its last value,
/// as with a <see cref="JsonDocument"/>.
/// </summary>
internal ref struct PosJsonFields
{
    public const int TransactionId = 0, LineNo = 1, CinemaId = 2, LineType = 3, TransactionTs = 4, BusinessDate = 5,
        SessionId = 6, Quantity = 7, UnitPrice = 8, Discount = 9, Tax = 10, Currency = 11, Status = 12,
        TerminalId = 13, Channel = 14, TicketType = 15, Sku = 16, OriginalTransactionId = 17;

    private const int Count = 18;

    public static readonly string[] Names =
    [
        "transaction_id", "line_no", "cinema_id", "line_type", "transaction_ts", "business_date",
        "session_id", "quantity", "unit_price", "discount", "tax", "currency", "status",
        "terminal_id", "channel", "ticket_type", "sku", "original_transaction_id",
    ];

    private static readonly byte[][] Utf8Names = Names.Select(Encoding.UTF8.GetBytes).ToArray();

    private readonly ReadOnlySpan<byte> _line;
    private Slots _slots;

    [System.Runtime.CompilerServices.InlineArray(Count)]
    private struct Slots
    {
        private Slot _first;
    }

    /// <summary>A value's token (None when the field is absent), where its bytes are (strings without their quotes) and whether it has escapes.</summary>
    private record struct Slot(JsonTokenType Kind, int Start, int Length, bool Escaped);

    /// <exception cref="JsonException">The line is not valid JSON.</exception>
    /// <exception cref="PosRowRejectedException">The line is valid JSON but not an object.</exception>
    public PosJsonFields(ReadOnlySpan<byte> line)
    {
        _line = line;
        _slots = default;
        if (TryScanFlat(line, ref _slots))
        {
            return;
        }
        _slots = default;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new JsonException("the line holds no JSON value");
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = reader.TokenType;
            reader.Skip();
            EnsureEnd(ref reader);
            throw new PosRowRejectedException(null, $"the line is a JSON {KindName(kind)}, not an object");
        }
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? FindEscaped(ref reader) : Find(reader.ValueSpan, expected);
            expected = field + 1;
            reader.Read();
            if (field < 0)
            {
                reader.Skip();
                continue;
            }
            var kind = reader.TokenType;
            var start = (int)reader.TokenStartIndex;
            var length = reader.ValueSpan.Length;
            if (kind == JsonTokenType.String)
            {
                start++; // past the opening quote
            }
            _slots[field] = new Slot(kind, start, length, reader.ValueIsEscaped);
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }
        EnsureEnd(ref reader);
    }

    /// <summary>
    /// The common shape of a line, read without a JSON reader: one flat object whose names and
    /// string values are printable ASCII without escapes, with numbers in JSON's grammar, true, false
    /// and null. Anything else (escapes, other characters, nesting, a mistake) returns false and
    /// the reader takes the line: it gives the same slots, and it alone words what is wrong.
    /// </summary>
    private static bool TryScanFlat(ReadOnlySpan<byte> line, ref Slots slots)
    {
        var i = SkipSpace(line, 0);
        if (i >= line.Length || line[i] != (byte)'{')
        {
            return false;
        }
        i = SkipSpace(line, i + 1);
        if (i < line.Length && line[i] == (byte)'}')
        {
            return SkipSpace(line, i + 1) == line.Length;
        }
        var expected = 0;
        while (i < line.Length && line[i] == (byte)'"')
        {
            var nameEnd = PlainStringEnd(line, i + 1);
            if (nameEnd < 0)
            {
                return false;
            }
            var field = Find(line[(i + 1)..nameEnd], expected);
            expected = field + 1;
            i = SkipSpace(line, nameEnd + 1);
            if (i >= line.Length || line[i] != (byte)':')
            {
                return false;
            }
            i = SkipSpace(line, i + 1);
            if (i >= line.Length)
            {
                return false;
            }
            Slot slot;
            var first = line[i];
            if (first == (byte)'"')
            {
                var end = PlainStringEnd(line, i + 1);
                if (end < 0)
                {
                    return false;
                }
                slot = new Slot(JsonTokenType.String, i + 1, end - i - 1, false);
                i = end + 1;
            }
            else if (first == (byte)'-' || char.IsAsciiDigit((char)first))
            {
                var end = NumberEnd(line, i);
                if (end < 0)
                {
                    return false;
                }
                slot = new Slot(JsonTokenType.Number, i, end - i, false);
                i = end;
            }
            else if (line[i..].StartsWith("true"u8))
            {
                slot = new Slot(JsonTokenType.True, i, 4, false);
                i += 4;
            }
            else if (line[i..].StartsWith("false"u8))
            {
                slot = new Slot(JsonTokenType.False, i, 5, false);
                i += 5;
            }
            else if (line[i..].StartsWith("null"u8))
            {
                slot = new Slot(JsonTokenType.Null, i, 4, false);
                i += 4;
            }
            else
            {
                return false;
            }
            if (field >= 0)
            {
                slots[field] = slot;
            }
            i = SkipSpace(line, i);
            if (i < line.Length && line[i] == (byte)',')
            {
                i = SkipSpace(line, i + 1);
                continue;
            }
            return i < line.Length && line[i] == (byte)'}' && SkipSpace(line, i + 1) == line.Length;
        }
        return false;
    }

    private static int SkipSpace(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }
        return i;
    }

    /// <summary>Where a string that starts at <paramref name="start"/> (past its quote) ends, at its closing quote; -1 unless it is printable ASCII without escapes.</summary>
    private static int PlainStringEnd(ReadOnlySpan<byte> line, int start)
    {
        var length = line[start..].IndexOfAny((byte)'"', (byte)'\\');
        if (length < 0 || line[start + length] != (byte)'"' || line.Slice(start, length).ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            return -1;
        }
        return start + length;
    }

    /// <summary>Where a number that starts at <paramref name="i"/> ends, by JSON's grammar (<c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>); -1 when it does not fit.</summary>
    private static int NumberEnd(ReadOnlySpan<byte> line, int i)
    {
        if (line[i] == (byte)'-')
        {
            i++;
        }
        if (i >= line.Length || !char.IsAsciiDigit((char)line[i]))
        {
            return -1;
        }
        i = line[i] == (byte)'0' ? i + 1 : Digits(line, i);
        if (i < line.Length && line[i] == (byte)'.')
        {
            if (i + 1 >= line.Length || !char.IsAsciiDigit((char)line[i + 1]))
            {
                return -1;
            }
            i = Digits(line, i + 1);
        }
        if (i < line.Length && line[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < line.Length && line[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }
            if (i >= line.Length || !char.IsAsciiDigit((char)line[i]))
            {
                return -1;
            }
            i = Digits(line, i);
        }
        return i;
    }

    private static int Digits(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && char.IsAsciiDigit((char)line[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>
    /// The field an unescaped property name names, or -1. Sources write their fields in one order,
    /// so the field after the previous one is tried first (<paramref name="expected"/>), then all of them.
    /// </summary>
    private static int Find(ReadOnlySpan<byte> name, int expected)
    {
        if (expected is >= 0 and < Count && name.SequenceEqual(Utf8Names[expected]))
        {
            return expected;
        }
        for (var i = 0; i < Count; i++)
        {
            if (name.SequenceEqual(Utf8Names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The field an escaped property name names, or -1.</summary>
    private static int FindEscaped(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Count; i++)
        {
            if (reader.ValueTextEquals(Utf8Names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Nothing but white space may follow the value (the reader throws otherwise).</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"'{(char)reader.ValueSpan[0]}' is invalid after a single JSON value");
        }
    }

    public readonly JsonTokenType Kind(int field) => _slots[field].Kind;

    public readonly bool IsNullOrAbsent(int field) => _slots[field].Kind is JsonTokenType.None or JsonTokenType.Null;

    /// <summary>The value's bytes: a string's content (still escaped when <see cref="IsEscaped"/>), a number's text.</summary>
    public readonly ReadOnlySpan<byte> Raw(int field) => _line.Slice(_slots[field].Start, _slots[field].Length);

    public readonly bool IsEscaped(int field) => _slots[field].Escaped;

    /// <summary>A string value, unescaped.</summary>
    public readonly string GetString(int field)
    {
        var slot = _slots[field];
        if (!slot.Escaped)
        {
            return Encoding.UTF8.GetString(_line.Slice(slot.Start, slot.Length));
        }
        var reader = new Utf8JsonReader(_line.Slice(slot.Start - 1, slot.Length + 2));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>A JSON number as a decimal; false when it does not fit.</summary>
    public readonly bool TryGetDecimal(int field, out decimal value)
    {
        var raw = Raw(field);
        return PosNumbers.TryParsePlain(raw, out value)
            || (Utf8Parser.TryParse(raw, out value, out var consumed, 'e') && consumed == raw.Length);
    }

    public static string KindName(JsonTokenType kind) => kind switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => "undefined",
    };
}
