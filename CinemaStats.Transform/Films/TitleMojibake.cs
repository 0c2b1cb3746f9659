using System.Text;

namespace CinemaStats.Transform.Films;

/// <summary>
/// Repairs the two common ways film titles lose their accents, only where the repair is
/// unambiguous:
/// <list type="bullet">
/// <item>Latin-1 bytes read as Mac Roman (<c>AmÈlie</c>, <c>Caf‡</c>, <c>‹ber</c>): the small
/// table below. A mis-read that is itself a capital letter (È, Ë, Î, Í, Ò, Á, Ì) is repaired only
/// inside a word where a capital cannot stand (after a letter, before a lower-case letter or after a
/// lower-case one), so <c>ÈCOLE</c> or a real <c>Ò</c> stays. Mis-reads that are symbols
/// (‡ · ˆ ¸ ˚ ‰ ‹ …) are repaired when they touch a letter; ‡ also alone, as the French word à.</item>
/// <item>UTF-8 bytes read as Latin-1/CP1252 (<c>AmÃ©lie</c>): re-encoded and decoded as UTF-8,
/// kept only when that decodes cleanly.</item>
/// </list>
/// </summary>
public static class TitleMojibake
{
    /// <summary>Mac Roman reading of a Latin-1 byte → the character the byte meant.</summary>
    private static readonly Dictionary<char, char> MacRoman = new()
    {
        ['È'] = 'é', ['Ë'] = 'è', ['Î'] = 'ë', ['Í'] = 'ê', ['Ò'] = 'ñ', ['Á'] = 'ç', ['Ì'] = 'í',
        ['‡'] = 'à', ['·'] = 'á', ['‚'] = 'â', ['‰'] = 'ä', ['ˆ'] = 'ö', ['¸'] = 'ü', ['˚'] = 'û',
        ['˘'] = 'ù', ['˙'] = 'ú', ['‹'] = 'Ü', ['…'] = 'É',
    };

    private static readonly Encoding Cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryRepair(string title, out string repaired)
    {
        repaired = RepairUtf8ReadAsCp1252(title) ?? RepairMacRoman(title) ?? title;
        return !ReferenceEquals(repaired, title);
    }

    private static string? RepairUtf8ReadAsCp1252(string title)
    {
        if (title.IndexOfAny(['Ã', 'Â', 'Å']) < 0)
        {
            return null;
        }
        try
        {
            var bytes = Cp1252.GetBytes(title);
            if (Cp1252.GetString(bytes) != title)
            {
                return null; // characters outside CP1252: it was never a CP1252 reading
            }
            var decoded = StrictUtf8.GetString(bytes);
            return decoded != title ? decoded : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? RepairMacRoman(string title)
    {
        var chars = title.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (!MacRoman.TryGetValue(title[i], out var meant))
            {
                continue;
            }
            var previous = i > 0 ? title[i - 1] : ' ';
            var next = i + 1 < title.Length ? title[i + 1] : ' ';
            var plausible = char.IsLetter(title[i])
                ? char.IsLetter(previous) && (char.IsLower(next) || char.IsLower(previous))
                : char.IsLetter(previous) || char.IsLetter(next) || (title[i] == '‡' && previous == ' ' && next == ' ');
            if (plausible)
            {
                chars[i] = meant;
                changed = true;
            }
        }
        return changed ? new string(chars) : null;
    }
}
