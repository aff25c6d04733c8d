using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiMachinery.Tests.Validation;

public class CronScheduleTests
{
    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 3 * * 1-5")]
    [InlineData("0 0 1 jan,jul *")]
    [InlineData("0 0 * * SUN")]
    [InlineData("5/15 1-23/2 ? * *")]
    [InlineData("@hourly")]
    [InlineData("@daily")]
    [InlineData("@every 1h30m")]
    [InlineData("TZ=UTC 0 * * * *")]
    public void Accepts(string schedule) => Assert.Null(CronSchedule.Validate(schedule));

    [Theory]
    [InlineData("foo", "expected exactly 5 fields, found 1: [foo]")]
    [InlineData("* * * *", "expected exactly 5 fields, found 4: [* * * *]")]
    [InlineData("60 * * * *", "end of range (60) above maximum (59): 60")]
    [InlineData("* * 0 * *", "beginning of range (0) below minimum (1): 0")]
    [InlineData("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1")]
    [InlineData("*/0 * * * *", "step of range should be a positive number: */0")]
    [InlineData("x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("1-2-3 * * * *", "too many hyphens: 1-2-3")]
    [InlineData("@sometimes", "unrecognized descriptor: @sometimes")]
    public void Rejects(string schedule, string error) => Assert.Equal(error, CronSchedule.Validate(schedule));
}
