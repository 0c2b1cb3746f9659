using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CinemaStats.Core.SampleData;

/// <summary>
/// Writes one cinema-day of the <c>pos_transactions</c> source as JSON Lines, one line per
/// transaction line. Clean lines carry every field, ISO 8601 timestamps with the cinema's offset and
/// money as numbers with two decimals; dirt changes how values are written, never what they are.
/// </summary>
internal static class PosTransactionsWriter
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How one transaction's values are written.</summary>
    private readonly record struct SaleDirt(int TimestampStyle, bool LowerChannel, bool LowerCurrency);

    public static async Task WriteAsync(GenerationContext context, int cinemaIndex, int dayIndex, Stream destination, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var plan = DayPlanner.Plan(context, cinemaIndex, dayIndex);
        var dirt = options.DirtRate > 0 ? SeedMixer.Stream(options.Seed, RandomStream.SalesDirt, cinemaIndex, dayIndex) : null;
        var rate = options.DirtRate;
        var output = new Utf8Output(destination);
        var businessDate = plan.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var json = new Utf8JsonWriter(output.Buffer, LineOptions);

        foreach (var sale in SalesGenerator.SalesOf(plan, options.Seed, cinemaIndex, dayIndex))
        {
            var saleDirt = dirt is null
                ? default
                : new SaleDirt(dirt.Chance(rate) ? 1 + dirt.Next(0, 2) : 0, dirt.Chance(rate / 2), dirt.Chance(rate / 2));
            var timestamp = Timestamp(sale.Instant, plan.Cinema.TimeZone, saleDirt.TimestampStyle);
            var channel = saleDirt.LowerChannel ? sale.Channel.ToLowerInvariant() : sale.Channel;
            var currency = saleDirt.LowerCurrency ? plan.Cinema.Prices.Currency.ToLowerInvariant() : plan.Cinema.Prices.Currency;

            for (var i = 0; i < sale.Lines.Count; i++)
            {
                var line = sale.Lines[i];
                var numbersAsText = dirt is not null && dirt.Chance(rate);
                var decimalComma = dirt is not null && dirt.Chance(rate);
                var dropSession = dirt is not null && dirt.Chance(rate) && line.LineType == PosCodes.Ticket;
                var dropStyle = dropSession ? dirt!.Next(0, 2) : 0;

                json.Reset(output.Buffer);
                json.WriteStartObject();
                json.WriteString("transaction_id", sale.Id);
                json.WriteNumber("line_no", i + 1);
                json.WriteString("cinema_id", plan.Cinema.Id);
                json.WriteString("terminal_id", sale.Terminal);
                json.WriteString("channel", channel);
                json.WriteString("transaction_ts", timestamp);
                json.WriteString("business_date", businessDate);
                json.WriteString("line_type", line.LineType);
                if (!dropSession)
                {
                    json.WriteString("session_id", line.SessionId);
                }
                else if (dropStyle == 0)
                {
                    json.WriteNull("session_id");
                }
                json.WriteString("ticket_type", line.TicketType);
                json.WriteString("sku", line.Sku);
                if (numbersAsText)
                {
                    json.WriteString("quantity", line.Quantity.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteNumber("quantity", line.Quantity);
                }
                WriteMoney(json, "unit_price", line.UnitPrice, numbersAsText, decimalComma);
                WriteMoney(json, "discount", line.Discount, numbersAsText, decimalComma);
                WriteMoney(json, "tax", line.Tax, numbersAsText, decimalComma);
                json.WriteString("currency", currency);
                json.WriteString("status", sale.Void ? "VOID" : "COMPLETED");
                json.WriteString("original_transaction_id", sale.Original?.Id);
                json.WriteEndObject();
                json.Flush();
                output.Write("\n"u8);
            }
            await output.DrainIfFullAsync(cancellationToken);
        }
        await output.CompleteAsync(cancellationToken);
    }

    /// <summary>Style 0 is clean (offset), 1 local without offset, 2 UTC with <c>Z</c>.</summary>
    private static string Timestamp(DateTimeOffset instant, TimeZoneInfo zone, int style) => style switch
    {
        1 => LocalClock.InZone(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        2 => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => LocalClock.InZone(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
    };

    /// <summary>Two decimals always; as a string, or a string with a decimal comma, when dirty.</summary>
    private static void WriteMoney(Utf8JsonWriter json, string name, decimal amount, bool asText, bool decimalComma)
    {
        var text = amount.ToString("0.00", CultureInfo.InvariantCulture);
        if (decimalComma)
        {
            json.WriteString(name, text.Replace('.', ','));
        }
        else if (asText)
        {
            json.WriteString(name, text);
        }
        else
        {
            json.WritePropertyName(name);
            json.WriteRawValue(text, skipInputValidation: true);
        }
    }
}
