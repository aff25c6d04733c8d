using KubeSharp.Client.Events;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

/// <summary>One served scheduler name: its plugins and the recorder whose events name it as their source.</summary>
internal sealed record SchedulerProfile(SchedulingFramework Framework, IEventRecorder Recorder);
