def lockout_username(request, credentials):
    """The key django-axes counts failures under: the e-mail address as typed, lower-cased."""
    if credentials and credentials.get("username"):
        return credentials["username"].strip().lower()
    return request.POST.get("email", "").strip().lower() or None
