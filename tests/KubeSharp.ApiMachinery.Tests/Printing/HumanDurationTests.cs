using KubeSharp.ApiMachinery.Printing;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class HumanDurationTests
{
    [Theory]
    [InlineData(-3, "<invalid>")]
    [InlineData(-1, "0s")]
    [InlineData(0, "0s")]
    [InlineData(14, "14s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(302, "5m2s")]
    [InlineData(599, "9m59s")]
    [InlineData(600, "10m")]
    [InlineData(2 * 3600 + 59 * 60, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 5 * 60, "3h5m")]
    [InlineData(20 * 3600 + 30 * 60, "20h")]
    [InlineData(2 * 86400 + 5 * 3600, "2d5h")]
    [InlineData(3 * 86400, "3d")]
    [InlineData(40 * 86400 + 7 * 3600, "40d")]
    [InlineData(2 * 365 * 86400 + 10 * 86400, "2y10d")]
    [InlineData(4 * 365 * 86400, "4y")]
    [InlineData(9 * 365 * 86400 + 100 * 86400, "9y")]
    public void Formats_like_upstream(long seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Truncates_fractional_seconds() =>
        Assert.Equal("14s", HumanDuration.Format(TimeSpan.FromMilliseconds(14_999)));
}
