STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
