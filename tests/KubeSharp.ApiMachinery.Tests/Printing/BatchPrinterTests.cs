using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class BatchPrinterTests
{
    private static readonly ITablePrinter _jobs = TablePrinters.For(typeof(V1Job));

    [Theory]
    [InlineData(new string[0], false, "Running")]
    [InlineData(new[] { "Complete=True" }, false, "Complete")]
    [InlineData(new[] { "Failed=True" }, false, "Failed")]
    [InlineData(new[] { "Complete=False", "Failed=True" }, false, "Failed")]
    [InlineData(new string[0], true, "Terminating")]
    [InlineData(new[] { "Complete=True" }, true, "Complete")]
    [InlineData(new[] { "Suspended=True" }, false, "Suspended")]
    [InlineData(new[] { "FailureTarget=True" }, false, "FailureTarget")]
    public void Job_status_follows_conditions(string[] conditions, bool deleting, string expected)
    {
        var job = Job();
        job.Metadata = Meta("j", deleting: deleting);
        job.Status.Conditions = conditions.Select(c => new V1JobCondition { Type = c[..c.IndexOf('=')], Status = c[(c.IndexOf('=') + 1)..] }).ToList();
        Assert.Equal(expected, _jobs.Cells(job, Now)[1]);
    }

    [Theory]
    [InlineData(3, null, 1, "1/3")]
    [InlineData(null, null, 0, "0/1")]
    [InlineData(null, 1, 0, "0/1")]
    [InlineData(null, 4, 2, "2/1 of 4")]
    public void Job_completions(int? completions, int? parallelism, int succeeded, string expected)
    {
        var job = Job();
        job.Spec.Completions = completions;
        job.Spec.Parallelism = parallelism;
        job.Status.Succeeded = succeeded;
        Assert.Equal(expected, _jobs.Cells(job, Now)[2]);
    }

    [Fact]
    public void Job_duration_runs_to_now_until_completion()
    {
        var job = Job();
        Assert.Equal("", _jobs.Cells(job, Now)[3]);
        job.Status.StartTime = Ago(TimeSpan.FromSeconds(45));
        Assert.Equal("45s", _jobs.Cells(job, Now)[3]);
        job.Status.CompletionTime = job.Status.StartTime + TimeSpan.FromSeconds(8);
        Assert.Equal("8s", _jobs.Cells(job, Now)[3]);
    }

    [Fact]
    public void CronJob_row()
    {
        var cronJob = new V1CronJob
        {
            Metadata = Meta("nightly", TimeSpan.FromDays(2)),
            Spec = new V1CronJobSpec
            {
                Schedule = "0 1 * * *",
                Suspend = false,
                JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "b", Image = "busybox" }] } } } },
            },
            Status = new V1CronJobStatus { Active = [new V1ObjectReference { Name = "nightly-1" }], LastScheduleTime = Ago(TimeSpan.FromHours(11)) },
        };
        Assert.Equal(["nightly", "0 1 * * *", "<none>", "False", 1L, "11h", "2d", "b", "busybox", "<none>"],
            TablePrinters.For(typeof(V1CronJob)).Cells(cronJob, Now));
    }

    [Fact]
    public void CronJob_never_scheduled_and_unset_suspend()
    {
        var cronJob = new V1CronJob { Metadata = Meta("c"), Spec = new V1CronJobSpec { Schedule = "@hourly", TimeZone = "Etc/UTC" } };
        var cells = TablePrinters.For(typeof(V1CronJob)).Cells(cronJob, Now);
        Assert.Equal(["Etc/UTC", "<unset>", 0L, "<none>"], cells[2..6]);
    }

    private static V1Job Job() => new()
    {
        Metadata = Meta("j"),
        Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] } } },
        Status = new V1JobStatus(),
    };
}
