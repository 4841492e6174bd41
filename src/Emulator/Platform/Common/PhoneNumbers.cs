extern alias LibPhoneNumber;

using System.Text.RegularExpressions;

namespace Emulator.Common;

/// <summary>
/// The one place phone numbers, dial codes and WhatsApp numbers are checked and normalized (README, "Phone numbers").
/// Real data carries a leading "+" and spaces or dashes, and clients strip them (the platform's captured contacts
/// answer <c>phone.number</c> as digits, <c>phone.prefix</c> without "+", and <c>whatsAppNumber</c> as the country
/// code and number run together, <c>"1123456789"</c>), so the emulator accepts those forms and stores digits only.
/// </summary>
public static partial class PhoneNumbers
{
    /// <summary>Most digits in a phone number (<c>phone</c>, <c>contact.phone.number</c>).</summary>
    public const int MaxNumberDigits = 20;

    /// <summary>Most digits in a WhatsApp number (country code and number).</summary>
    public const int MaxWhatsAppDigits = 24;

    /// <summary>A phone number's accepted characters: an optional leading "+", then digits with spaces, dashes, dots or
    /// parentheses between them.</summary>
    [GeneratedRegex(@"^\+?[0-9 ().-]+$")]
    private static partial Regex Written();

    [GeneratedRegex(@"^\+?\d{1,4}$")]
    private static partial Regex DialCodeForm();

    /// <summary>True for 1–20 digits, "+" and separators allowed (e.g. <c>"+91 98765-43210"</c>).</summary>
    public static bool IsNumber(string? value) => IsWritten(value, 1, MaxNumberDigits);

    /// <summary>True for a dial code: 1–4 digits, "+" optional (<c>"+91"</c>, <c>"91"</c>).</summary>
    public static bool IsDialCode(string? value) => value is not null && DialCodeForm().IsMatch(value);

    /// <summary>True for a WhatsApp number: country code and number run together (<c>"919876543210"</c>) or as
    /// <c>"&lt;prefix&gt; &lt;number&gt;"</c>, 2–24 digits, "+" and separators allowed.</summary>
    public static bool IsWhatsAppNumber(string? value) => IsWritten(value, 2, MaxWhatsAppDigits);

    /// <summary>A dial code as stored and answered: without "+" (<c>"+91"</c> → <c>"91"</c>).</summary>
    public static string DialCode(string value) => value.TrimStart('+');

    /// <summary>
    /// A phone number as stored and answered: its digits. A number written with a leading "+" is in international form,
    /// so when it starts with <paramref name="prefix"/> (the contact's dial code), that country code is dropped:
    /// <c>"+91 98765 43210"</c> with prefix <c>"91"</c> → <c>"9876543210"</c>. "" stays "" (it clears the number).
    /// </summary>
    /// <param name="value">A value that passed <see cref="IsNumber"/>, or "".</param>
    /// <param name="prefix">The contact's dial code without "+", or null when it has none.</param>
    public static string Number(string value, string? prefix)
    {
        var digits = Digits(value);
        return value.TrimStart().StartsWith('+') && !string.IsNullOrEmpty(prefix)
            && digits.Length > prefix.Length && digits.StartsWith(prefix, StringComparison.Ordinal)
            ? digits[prefix.Length..]
            : digits;
    }

    /// <summary>A WhatsApp number as stored and answered: the digits run together (<c>"+91 9876543210"</c> →
    /// <c>"919876543210"</c>). "" stays "".</summary>
    public static string WhatsAppNumber(string value) => Digits(value);

    /// <summary>
    /// Splits a WhatsApp id (country code and number run together, digits) at its country calling code into the dial code
    /// and number a real WhatsApp contact carries as <c>contact.phone</c> (<c>"919876543210"</c> → <c>("91", "9876543210")</c>),
    /// by the ITU codes libphonenumber knows; the two parts run together give the id back. An id that starts with no known
    /// code is kept whole, with no dial code.
    /// </summary>
    public static (string Prefix, string Number) SplitWhatsAppNumber(string waId)
    {
        var digits = Digits(waId);
        var util = LibPhoneNumber::PhoneNumbers.PhoneNumberUtil.GetInstance();
        for (var length = 1; length <= 3 && length < digits.Length; length++)
        {
            var code = int.Parse(digits[..length], System.Globalization.CultureInfo.InvariantCulture);
            if (util.GetRegionCodeForCountryCode(code) != "ZZ")
            {
                return (digits[..length], digits[length..]);
            }
        }

        return ("", digits);
    }

    private static bool IsWritten(string? value, int minDigits, int maxDigits)
    {
        if (value is null || !Written().IsMatch(value))
        {
            return false;
        }

        var count = value.Count(char.IsAsciiDigit);
        return count >= minDigits && count <= maxDigits;
    }

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));
}

/// <summary>The wording of the phone rules in validation messages, the same on every endpoint.</summary>
public static class PhoneRules
{
    /// <summary>Follows "phone '&lt;value&gt;'".</summary>
    public const string NumberRule =
        "must be a phone number: 1 to 20 digits, optionally with a leading '+' and spaces, dashes, dots or parentheses.";

    /// <summary>Follows "dialCode '&lt;value&gt;'".</summary>
    public const string DialCodeRule = "must be a dial code: 1 to 4 digits, '+' optional, e.g. '+91'.";

    /// <summary>Follows "whatsAppNumber '&lt;value&gt;'".</summary>
    public const string WhatsAppRule =
        "must be the country code and number, run together ('919876543210') or as '<prefix> <number>' ('91 9876543210'), '+' optional.";
}
