using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's validateProbe and handler checks; liveness and startup probes need successThreshold 1.</summary>
internal static class ProbeValidation
{
    public static void ValidateLiveness(List<FieldError> errs, V1Probe? probe, FieldPath path)
    {
        if (probe is null)
        {
            return;
        }
        Validate(errs, probe, path);
        if (probe.SuccessThreshold is { } threshold and not 1)
        {
            errs.Add(FieldErrors.Invalid(path.Child("successThreshold"), threshold, "must be 1"));
        }
    }

    public static void ValidateStartup(List<FieldError> errs, V1Probe? probe, FieldPath path) => ValidateLiveness(errs, probe, path);

    public static void ValidateReadiness(List<FieldError> errs, V1Probe? probe, FieldPath path)
    {
        if (probe is null)
        {
            return;
        }
        Validate(errs, probe, path);
        if (probe.TerminationGracePeriodSeconds is not null)
        {
            errs.Add(FieldErrors.Invalid(path.Child("terminationGracePeriodSeconds"), probe.TerminationGracePeriodSeconds.Value,
                "must not be set for readinessProbes"));
        }
    }

    private static void Validate(List<FieldError> errs, V1Probe probe, FieldPath path)
    {
        ValidateHandler(errs, probe, path);
        CommonValidation.NonNegative(errs, probe.InitialDelaySeconds, path.Child("initialDelaySeconds"));
        CommonValidation.NonNegative(errs, probe.TimeoutSeconds, path.Child("timeoutSeconds"));
        CommonValidation.NonNegative(errs, probe.PeriodSeconds, path.Child("periodSeconds"));
        CommonValidation.NonNegative(errs, probe.SuccessThreshold, path.Child("successThreshold"));
        CommonValidation.NonNegative(errs, probe.FailureThreshold, path.Child("failureThreshold"));
        if (probe.TerminationGracePeriodSeconds is <= 0)
        {
            errs.Add(FieldErrors.Invalid(path.Child("terminationGracePeriodSeconds"), probe.TerminationGracePeriodSeconds.Value, "must be greater than 0"));
        }
    }

    private static void ValidateHandler(List<FieldError> errs, V1Probe probe, FieldPath path)
    {
        var count = 0;
        if (probe.Exec is not null)
        {
            count++;
            if ((probe.Exec.Command?.Count ?? 0) == 0)
            {
                errs.Add(FieldErrors.Required(path.Child("exec", "command")));
            }
        }
        if (probe.HttpGet is not null)
        {
            if (count++ > 0)
            {
                errs.Add(FieldErrors.Forbidden(path.Child("httpGet"), "may not specify more than 1 handler type"));
            }
            else
            {
                var http = probe.HttpGet;
                if (string.IsNullOrEmpty(http.Path))
                {
                    errs.Add(FieldErrors.Required(path.Child("httpGet", "path")));
                }
                CommonValidation.PortNumOrName(errs, http.Port, path.Child("httpGet", "port"));
                if (http.Scheme is not ("HTTP" or "HTTPS"))
                {
                    errs.Add(FieldErrors.NotSupported(path.Child("httpGet", "scheme"), http.Scheme ?? "", ["HTTP", "HTTPS"]));
                }
            }
        }
        if (probe.TcpSocket is not null)
        {
            if (count++ > 0)
            {
                errs.Add(FieldErrors.Forbidden(path.Child("tcpSocket"), "may not specify more than 1 handler type"));
            }
            else
            {
                CommonValidation.PortNumOrName(errs, probe.TcpSocket.Port, path.Child("tcpSocket", "port"));
            }
        }
        if (probe.Grpc is not null)
        {
            if (count++ > 0)
            {
                errs.Add(FieldErrors.Forbidden(path.Child("grpc"), "may not specify more than 1 handler type"));
            }
            else
            {
                errs.AddRange(NameValidation.IsValidPortNum(probe.Grpc.Port)
                    .Select(m => FieldErrors.Invalid(path.Child("grpc", "port"), probe.Grpc.Port, m)));
            }
        }
        if (count == 0)
        {
            errs.Add(FieldErrors.Required(path, "must specify a handler type"));
        }
    }
}
