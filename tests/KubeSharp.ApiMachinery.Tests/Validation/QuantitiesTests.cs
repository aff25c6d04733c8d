using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiMachinery.Tests.Validation;

public class QuantitiesTests
{
    [Theory]
    [InlineData("100m", "0.1")]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("2k", "2000")]
    [InlineData("1Ki", "1024")]
    [InlineData("1M", "1000000")]
    [InlineData("1Mi", "1048576")]
    [InlineData("1G", "1000000000")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("1T", "1000000000000")]
    [InlineData("1Ti", "1099511627776")]
    [InlineData("1E", "1000000000000000000")]
    [InlineData("1Ei", "1152921504606846976")]
    [InlineData("1e3", "1000")]
    [InlineData("1E3", "1000")]
    [InlineData("5e-3", "0.005")]
    [InlineData("-1", "-1")]
    [InlineData("+2", "2")]
    [InlineData("250n", "0.00000025")]
    [InlineData("3u", "0.000003")]
    public void Parses(string text, string expected)
    {
        Assert.True(Quantities.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1Xi")]
    [InlineData("1.2.3")]
    [InlineData("m")]
    public void Rejects(string text) => Assert.False(Quantities.TryParse(text, out _));
}
