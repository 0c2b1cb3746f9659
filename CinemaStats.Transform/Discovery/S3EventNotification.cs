using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using CinemaStats.Core.Layout;

namespace CinemaStats.Transform.Discovery;

/// <summary>
/// The body of an SQS message that S3 sends for bucket notifications: either <c>Records</c> of
/// object events, or the <c>s3:TestEvent</c> S3 sends once when notifications are configured.
/// The same JSON wrapped in an SNS <c>Notification</c> (topic fan-out without raw delivery) is
/// unwrapped.
/// </summary>
public sealed class S3EventNotification
{
    private S3EventNotification(bool isTestEvent, IReadOnlyList<S3EventRecord> records)
    {
        IsTestEvent = isTestEvent;
        Records = records;
    }

    /// <summary>The message S3 sends to check the destination; it carries no object.</summary>
    public bool IsTestEvent { get; }

    public IReadOnlyList<S3EventRecord> Records { get; }

    /// <summary>
    /// The distinct raw objects this notification announces as created. Other events (removals),
    /// other buckets and keys outside <c>raw/</c> say nothing the transform needs.
    /// </summary>
    /// <param name="bucket">Only records of this bucket count; null accepts any bucket.</param>
    public IReadOnlyList<RawObjectKey> CreatedRawObjects(string? bucket)
    {
        var keys = new List<RawObjectKey>();
        foreach (var record in Records)
        {
            if (record.IsObjectCreated
                && (bucket is null || string.Equals(record.Bucket, bucket, StringComparison.Ordinal))
                && RawObjectKey.TryParse(record.Key, out var raw)
                && !keys.Contains(raw))
            {
                keys.Add(raw);
            }
        }
        return keys;
    }

    /// <summary>
    /// Reads a message body. False, with <paramref name="problem"/> saying what was wrong, when the
    /// body is not an S3 event notification: such a message is poison and belongs in the
    /// dead-letter queue, where a person can look at it.
    /// </summary>
    public static bool TryParse(
        string? body,
        [NotNullWhen(true)] out S3EventNotification? notification,
        [NotNullWhen(false)] out string? problem)
    {
        notification = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            problem = "the body is empty";
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (IsSnsEnvelope(root))
            {
                if (!TryUnwrapSns(root, out var inner, out problem))
                {
                    return false;
                }
                return TryParseSnsMessage(inner, out notification, out problem);
            }
            return TryRead(root, "", out notification, out problem);
        }
        catch (JsonException e)
        {
            problem = $"the body is not valid JSON ({e.Message})";
            return false;
        }
    }

    private static bool TryParseSnsMessage(string inner, [NotNullWhen(true)] out S3EventNotification? notification, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(inner);
            return TryRead(document.RootElement, "Message.", out notification, out problem);
        }
        catch (JsonException e)
        {
            notification = null;
            problem = $"the SNS Notification's Message is not valid JSON ({e.Message})";
            return false;
        }
    }

    /// <summary>An SNS envelope has a string <c>Type</c> and, unlike S3's own message, no <c>Records</c>.</summary>
    private static bool IsSnsEnvelope(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String
        && !root.TryGetProperty("Records", out _);

    private static bool TryUnwrapSns(JsonElement envelope, [NotNullWhen(true)] out string? inner, [NotNullWhen(false)] out string? problem)
    {
        inner = null;
        var type = envelope.GetProperty("Type").GetString();
        if (type != "Notification")
        {
            problem = $"it is an SNS '{type}' message, not a Notification carrying an S3 event";
            return false;
        }
        if (!envelope.TryGetProperty("Message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            problem = "it is an SNS Notification without a string 'Message'";
            return false;
        }
        inner = message.GetString()!;
        problem = null;
        return true;
    }

    private static bool TryRead(JsonElement root, string path, [NotNullWhen(true)] out S3EventNotification? notification, [NotNullWhen(false)] out string? problem)
    {
        notification = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"{(path.Length == 0 ? "the body" : path.TrimEnd('.'))} is a JSON {root.ValueKind}, not an object";
            return false;
        }
        if (root.TryGetProperty("Event", out var testEvent) && testEvent.ValueKind == JsonValueKind.String
            && testEvent.GetString() == "s3:TestEvent")
        {
            notification = new S3EventNotification(isTestEvent: true, []);
            problem = null;
            return true;
        }
        if (!root.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            problem = $"{path}Records is missing: it is neither an S3 event notification nor an S3 test event";
            return false;
        }
        var parsed = new List<S3EventRecord>(records.GetArrayLength());
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (!TryReadRecord(record, $"{path}Records[{index}]", out var one, out problem))
            {
                return false;
            }
            parsed.Add(one);
            index++;
        }
        notification = new S3EventNotification(isTestEvent: false, parsed);
        problem = null;
        return true;
    }

    private static bool TryReadRecord(JsonElement record, string path, [NotNullWhen(true)] out S3EventRecord? parsed, [NotNullWhen(false)] out string? problem)
    {
        parsed = null;
        if (record.ValueKind != JsonValueKind.Object)
        {
            problem = $"{path} is not an object";
            return false;
        }
        var source = StringAt(record, "eventSource");
        if (source != "aws:s3")
        {
            problem = $"{path}.eventSource is '{source}', not 'aws:s3'";
            return false;
        }
        // Version 2.x is the documented S3 format (2.1 to 2.3 so far); a new major version may
        // mean other fields, so such a message waits in the dead-letter queue rather than being misread.
        var version = StringAt(record, "eventVersion");
        if (version is null || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            problem = $"{path}.eventVersion is '{version}'; only 2.x is understood";
            return false;
        }
        var eventName = StringAt(record, "eventName");
        var bucket = StringAt(record, "s3", "bucket", "name");
        var encodedKey = StringAt(record, "s3", "object", "key");
        if (eventName is null || bucket is null || encodedKey is null)
        {
            var missing = eventName is null ? "eventName" : bucket is null ? "s3.bucket.name" : "s3.object.key";
            problem = $"{path}.{missing} is missing";
            return false;
        }
        long? size = Find(record, "s3", "object", "size") is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out var bytes)
            ? bytes
            : null;
        // S3 writes keys form-encoded: '+' for a space and %XX for the rest ('+' itself is %2B).
        var key = WebUtility.UrlDecode(encodedKey);
        parsed = new S3EventRecord(eventName, bucket, key, size, StringAt(record, "s3", "object", "eTag"), StringAt(record, "s3", "object", "sequencer"));
        problem = null;
        return true;
    }

    private static string? StringAt(JsonElement element, params ReadOnlySpan<string> path) =>
        Find(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static JsonElement? Find(JsonElement element, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }
        return element;
    }
}
