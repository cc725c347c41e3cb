package app.strongroom.web.account;

import app.strongroom.account.ForgotPasswordService;
import app.strongroom.web.Messages;
import app.strongroom.web.signin.Authentication;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Forgot password": always the same answer, whatever was typed (the service works afterwards, elsewhere). */
@Named
@RequestScoped
public class ForgotPasswordPage {
    @EJB
    ForgotPasswordService service;
    @Inject
    Authentication authentication;

    private String company;
    private String login;

    public void submit() {
        service.requestLink(company, login, authentication.clientAddress());
        Messages.info("forgot.sent");
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }
}
