namespace Tooling.Helpers { class H {} }
