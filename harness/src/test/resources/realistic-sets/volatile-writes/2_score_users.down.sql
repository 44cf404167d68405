UPDATE users SET score = NULL;
