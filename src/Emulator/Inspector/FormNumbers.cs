using System.Globalization;

namespace Emulator.Inspector;

/// <summary>
/// Reads the numbers an inspector form sends as text, so that a typo is reported with the field's wire name instead of
/// being dropped by form binding; empty means "not given". The values then go through the control surface's own validator.
/// </summary>
internal sealed class FormNumbers
{
    /// <summary>One line per field that is not a number.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The whole number in <paramref name="text"/>, or null when empty or not one (then a problem is added).</summary>
    public int? Int(string? text, string name) => Parse<int>(text, name, "a whole number");

    /// <summary>The whole number in <paramref name="text"/>, or null as for <see cref="Int"/>.</summary>
    public long? Long(string? text, string name) => Parse<long>(text, name, "a whole number");

    /// <summary>The number in <paramref name="text"/>, or null when empty or not a number (then a problem is added).</summary>
    public double? Double(string? text, string name) => Parse<double>(text, name, "a number");

    private T? Parse<T>(string? text, string name, string kind) where T : struct, IParsable<T>
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (T.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problems.Add($"{name} must be {kind}.");
        return null;
    }
}
