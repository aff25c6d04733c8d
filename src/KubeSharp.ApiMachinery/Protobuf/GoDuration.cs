using System.Globalization;
using System.Text;

namespace KubeSharp.ApiMachinery.Protobuf;

// metav1.Duration travels as nanoseconds and is JSON'd as Go's time.Duration.String(): "1h2m3.5s", "1m0s",
// "1.5ms", "250ns", "0s". Hours and minutes appear only from the first non-zero one; the seconds fraction drops
// trailing zeros; below one second the largest unit that keeps the integer part non-zero is used.
internal static class GoDuration
{
    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }
        // Magnitude as unsigned so that long.MinValue works too.
        ulong u = nanoseconds < 0 ? unchecked(0UL - (ulong)nanoseconds) : (ulong)nanoseconds;
        var text = new StringBuilder();
        if (nanoseconds < 0)
        {
            text.Append('-');
        }

        if (u < 1_000UL)
        {
            return text.Append(u.ToString(CultureInfo.InvariantCulture)).Append("ns").ToString();
        }

        if (u < 1_000_000UL)
        {
            return AppendFraction(text, u, 1_000UL).Append("µs").ToString();
        }

        if (u < 1_000_000_000UL)
        {
            return AppendFraction(text, u, 1_000_000UL).Append("ms").ToString();
        }

        ulong totalSeconds = u / 1_000_000_000UL;
        ulong hours = totalSeconds / 3600, minutes = totalSeconds / 60 % 60;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return AppendFraction(text, u % 60_000_000_000UL, 1_000_000_000UL).Append('s').ToString();
    }

    // Appends value/unit with the fraction's trailing zeros (and a bare point) removed.
    private static StringBuilder AppendFraction(StringBuilder text, ulong value, ulong unit)
    {
        text.Append((value / unit).ToString(CultureInfo.InvariantCulture));
        ulong fraction = value % unit;
        if (fraction == 0)
        {
            return text;
        }

        int digits = (int)Math.Round(Math.Log10(unit));
        var fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return text.Append('.').Append(fractionText);
    }
}
